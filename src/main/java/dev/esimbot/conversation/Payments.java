package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.BillingEventReceived;
import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.BillingUnavailableException;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.session.RedisKeys;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZAddParams;

/**
 * Hears about orders from billing's signed webhook and, as a safety net, by asking billing about every order still
 * open, each less often the longer it stays open. Whichever path comes first settles the order; the other finds
 * nothing left to do. Billing is the source of truth: the bot only ever acts on the order state billing reports.
 */
@Component
class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final long WEBHOOK_EVENT_TTL_SECONDS = 7 * 24 * 3600;
    private static final int RECONCILE_BATCH = 100;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final BillingClient billing;
    private final Settlement settlement;
    private final ConversationProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Payments(UnifiedJedis redis, RedisKeys keys, BillingClient billing, Settlement settlement,
             ConversationProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.redis = redis;
        this.keys = keys;
        this.billing = billing;
        this.settlement = settlement;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Remembers an order until it reaches a final state, so a lost webhook still ends in a receipt. The entry names
     * the chat and the order ({@link MarkOwner#pendingEntry()}); any other entry under the id is replaced together
     * with its checks and paid time, which were about that entry's order.
     */
    void track(long chatId, Order order) {
        String entry = MarkOwner.of(chatId, order).pendingEntry();
        String earlier = redis.hget(keys.pendingOrderChats(), order.id());
        if (earlier != null && !earlier.equals(entry)) {
            if (MarkOwner.chatOfEntry(earlier) != chatId) {
                log.warn("order {} was pending for chat {} under the same id; now chat {} waits for it",
                        order.id(), MarkOwner.chatOfEntry(earlier), chatId);
            }
            redis.hdel(keys.pendingOrderChecks(), order.id());
            redis.hdel(keys.pendingOrdersPaidAt(), order.id());
        }
        redis.hset(keys.pendingOrderChats(), order.id(), entry);
        redis.zadd(keys.pendingOrders(), clock.millis() + properties.reconcileFirst().toMillis(), order.id());
    }

    /** Billing answered with the order outside a webhook (a Telegram payment it booked): act on it now. */
    void booked(long chatId, Order order) {
        track(chatId, order);
        settle(order);
    }

    @EventListener
    public void on(BillingEventReceived event) {
        String marker = keys.webhookEvent(event.eventId());
        if (redis.set(marker, "1", SetParams.setParams().nx().ex(WEBHOOK_EVENT_TTL_SECONDS)) == null) {
            log.debug("webhook event {} already processed", event.eventId());
            return;
        }
        try {
            settle(event.order());
        } catch (RuntimeException e) {
            redis.del(marker);
            throw e;
        }
    }

    @Scheduled(initialDelay = 2_000, fixedDelayString = "${bot.reconcile-every:15s}")
    public void reconcile() {
        try {
            List<String> due = redis.zrangeByScore(keys.pendingOrders(), 0, clock.millis(), 0, RECONCILE_BATCH);
            due.forEach(this::reconcile);
        } catch (RuntimeException e) {
            log.warn("reconciliation pass failed: {}", e.toString());
        }
    }

    /** One order's failure never stops the pass for the others. */
    private void reconcile(String orderId) {
        try {
            Order order = billing.order(orderId);
            if (!settle(order)) {
                later(orderId);
            }
        } catch (BillingUnavailableException e) {
            log.info("order {} not reconciled now, billing unavailable", orderId);
            later(orderId);
        } catch (BillingRejectedException e) {
            log.warn("order {} dropped from reconciliation: billing answers {} {}", orderId, e.status(), e.code());
            forget(orderId);
        } catch (RuntimeException e) {
            log.warn("order {} not reconciled now: {}", orderId, e.toString());
            later(orderId);
        }
    }

    /** The next check waits twice as long as the last one, from reconcile-every up to reconcile-max. */
    private void later(String orderId) {
        if (redis.zscore(keys.pendingOrders(), orderId) == null) {
            return; // settled on another path meanwhile
        }
        long checks = redis.hincrBy(keys.pendingOrderChecks(), orderId, 1);
        long wait = properties.reconcileEvery().toMillis() << Math.min(checks - 1, 20);
        wait = Math.min(wait, properties.reconcileMax().toMillis());
        redis.zadd(keys.pendingOrders(), clock.millis() + wait, orderId, ZAddParams.zAddParams().xx());
    }

    private void forget(String orderId) {
        redis.zrem(keys.pendingOrders(), orderId);
        redis.hdel(keys.pendingOrderChats(), orderId);
        redis.hdel(keys.pendingOrderChecks(), orderId);
        redis.hdel(keys.pendingOrdersPaidAt(), orderId);
    }

    /** Returns true when the order reached a final state and left the pending set. */
    private boolean settle(Order order) {
        long chatId = chatOf(order);
        if (order.status() == OrderStatus.PAID) {
            stalledIfPaidTooLong(chatId, order);
            return false;
        }
        boolean done = settlement.settle(chatId, order);
        if (done) {
            forget(order.id());
        }
        return done;
    }

    /**
     * The chat the pending entry names, if it is about this very order (or is a bare chat id, written before entries
     * named orders); else the order's customer, whose Telegram user id is their private chat's id.
     */
    private long chatOf(Order order) {
        String entry = redis.hget(keys.pendingOrderChats(), order.id());
        if (entry == null) {
            return order.customerId();
        }
        long chatId = MarkOwner.chatOfEntry(entry);
        if (entry.indexOf('|') >= 0 && !entry.equals(MarkOwner.of(chatId, order).pendingEntry())) {
            log.warn("order {}: the pending entry is about another order with the same id (chat {}); for chat {}",
                    order.id(), chatId, order.customerId());
            return order.customerId();
        }
        return chatId;
    }

    /** Fulfilment normally follows payment within seconds; an order paid long ago and still not renewed needs people. */
    private void stalledIfPaidTooLong(long chatId, Order order) {
        long now = clock.millis();
        boolean firstSeen = redis.hsetnx(keys.pendingOrdersPaidAt(), order.id(), Long.toString(now)) == 1;
        String stored = firstSeen ? null : redis.hget(keys.pendingOrdersPaidAt(), order.id());
        long paidAt = stored == null ? now : Long.parseLong(stored);
        if (firstSeen) {
            // Paid, not yet applied: a "renew now" reminder for this eSIM would invite a second payment.
            events.publishEvent(EsimCovered.awaitingRenewal(chatId, order.iccid()));
        }
        if (now - paidAt >= properties.fulfilmentGrace().toMillis()) {
            settlement.stalled(chatId, order);
        }
    }
}
