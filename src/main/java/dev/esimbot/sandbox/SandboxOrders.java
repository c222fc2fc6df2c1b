package dev.esimbot.sandbox;

import static dev.esimbot.billing.BillingEventReceived.ORDER_EXPIRED;
import static dev.esimbot.billing.BillingEventReceived.ORDER_FAILED;
import static dev.esimbot.billing.BillingEventReceived.ORDER_FULFILLED;
import static dev.esimbot.billing.BillingEventReceived.ORDER_PAID;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.billing.Plan;
import dev.esimbot.session.RedisKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Orders, their idempotency keys and their life: awaiting payment, then paid and fulfilled, declined, or expired
 * after the checkout TTL. Each change sends its webhook. Synchronized like {@link SandboxAccounts}, so concurrent
 * requests with one key make one order. Orders live in memory, but their numbers come from a counter in Redis, so
 * a restarted sandbox, or a second one on the same Redis, never hands out an order id the bot has seen before.
 */
@Component
@ConditionalOnSandbox
class SandboxOrders {

    private static final Logger log = LoggerFactory.getLogger(SandboxOrders.class);

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, KeyedRequest> keys = new ConcurrentHashMap<>();
    /** Telegram charge id -> order id: a charge is recorded once. */
    private final Map<String, String> charges = new ConcurrentHashMap<>();
    private static final long FIRST_ORDER_NUMBER = 100_001;
    private final SandboxAccounts accounts;
    private final SandboxFaults faults;
    private final SandboxWebhooks webhooks;
    private final SandboxUrls urls;
    private final SandboxProperties properties;
    private final Clock clock;
    private final UnifiedJedis redis;
    private final RedisKeys redisKeys;

    SandboxOrders(SandboxAccounts accounts, SandboxFaults faults, SandboxWebhooks webhooks, SandboxUrls urls,
            SandboxProperties properties, Clock clock, UnifiedJedis redis, RedisKeys redisKeys) {
        this.redis = redis;
        this.redisKeys = redisKeys;
        this.accounts = accounts;
        this.faults = faults;
        this.webhooks = webhooks;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
    }

    /** A repeat with the same key and request is answered with the first order (created = false). */
    synchronized Placed place(String key, long customerId, String iccid, String planId) {
        if (faults.has(customerId, SandboxFault.ORDERS_UNAVAILABLE)) {
            throw SandboxRejection.unavailable("unavailable", "billing is down (sandbox fault)");
        }
        KeyedRequest earlier = keys.get(key);
        if (earlier != null) {
            if (!earlier.matches(customerId, iccid, planId)) {
                throw SandboxRejection.unprocessable("idempotency_mismatch",
                        "this Idempotency-Key was used for a different order");
            }
            return new Placed(current(earlier.orderId()), false);
        }
        Esim esim = accounts.esim(customerId, iccid);
        Plan plan = SandboxCatalog.plan(esim.region(), planId)
                .orElseThrow(() -> SandboxRejection.notFound("unknown_plan", "no such plan for this eSIM"));
        String id = "SBX-" + (FIRST_ORDER_NUMBER - 1 + redis.incr(redisKeys.sandboxOrderSequence()));
        Order order = new Order(id, customerId, iccid, plan.id(), plan.name(), plan.price(),
                OrderStatus.AWAITING_PAYMENT, urls.checkout(id), clock.instant(), null);
        orders.put(id, order);
        keys.put(key, new KeyedRequest(customerId, iccid, planId, id));
        log.info("sandbox order {} created for plan {}", id, plan.id());
        return new Placed(order, true);
    }

    synchronized Order order(String orderId) {
        return current(orderId);
    }

    synchronized List<Order> orders(long customerId, int limit) {
        return orders.values().stream().filter(order -> order.customerId() == customerId)
                .map(order -> current(order.id()))
                .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed())
                .limit(limit).toList();
    }

    /** The checkout outcome. A finished order stays as it is, so a second submit changes nothing. */
    synchronized Order complete(String orderId, boolean paid) {
        Order order = current(orderId);
        if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            return order;
        }
        if (!paid) {
            return change(order, OrderStatus.DECLINED, null, ORDER_FAILED);
        }
        return paid(order);
    }

    /**
     * A payment Telegram took for the order's invoice. The money is gone already, so an order that expired or was
     * declined meanwhile is still paid by it; only an order paid by another charge refuses it (billing refunds).
     */
    synchronized Placed payByTelegram(String orderId, String chargeId, Money amount) {
        Order order = current(orderId);
        if (faults.has(order.customerId(), SandboxFault.ORDERS_UNAVAILABLE)) {
            throw SandboxRejection.unavailable("unavailable", "billing is down (sandbox fault)");
        }
        String earlier = charges.get(chargeId);
        if (earlier != null) {
            if (!earlier.equals(orderId)) {
                throw SandboxRejection.unprocessable("idempotency_mismatch", "this charge was reported for another order");
            }
            return new Placed(order, false);
        }
        if (!order.amount().equals(amount)) {
            throw SandboxRejection.unprocessable("amount_mismatch", "the charge is not the order's amount");
        }
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.FULFILLED
                || order.status() == OrderStatus.FAILED) {
            throw SandboxRejection.conflict("already_paid", "the order was paid by another charge; refunding this one");
        }
        charges.put(chargeId, orderId);
        return new Placed(paid(order), true);
    }

    private Order paid(Order order) {
        Order paidOrder = change(order, OrderStatus.PAID, null, ORDER_PAID);
        if (faults.has(order.customerId(), SandboxFault.RENEWAL_STALLS)) {
            return paidOrder;
        }
        if (faults.has(order.customerId(), SandboxFault.RENEWAL_FAILS)) {
            return change(paidOrder, OrderStatus.FAILED, null, ORDER_FAILED);
        }
        return fulfil(paidOrder);
    }

    /** An admin completes a paid order whose renewal stalled; anything else stays as it is. */
    synchronized Order fulfilStalled(String orderId) {
        Order order = current(orderId);
        return order.status() == OrderStatus.PAID ? fulfil(order) : order;
    }

    @Scheduled(fixedDelayString = "${sandbox.expiry-sweep:PT1M}")
    synchronized void expireOverdue() {
        List.copyOf(orders.keySet()).forEach(this::current);
    }

    synchronized void forget(long customerId) {
        orders.values().removeIf(order -> order.customerId() == customerId);
        keys.values().removeIf(request -> request.customerId() == customerId);
        charges.values().removeIf(orderId -> !orders.containsKey(orderId));
    }

    private Order fulfil(Order order) {
        try {
            Esim esim = accounts.esim(order.customerId(), order.iccid());
            Plan plan = SandboxCatalog.plan(esim.region(), order.planId()).orElseThrow();
            Esim renewed = accounts.renew(order.customerId(), order.iccid(), plan);
            return change(order, OrderStatus.FULFILLED, renewed.validUntil(), ORDER_FULFILLED);
        } catch (SandboxRejection gone) { // the eSIM was unlinked or reset between order and payment
            return change(order, OrderStatus.FAILED, null, ORDER_FAILED);
        }
    }

    /** The order as it stands now: one still unpaid after the checkout TTL expires here (lazily). */
    private Order current(String orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw SandboxRejection.notFound("not_found", "no such order");
        }
        Instant deadline = order.createdAt().plus(properties.checkoutTtl());
        if (order.status() == OrderStatus.AWAITING_PAYMENT && !clock.instant().isBefore(deadline)) {
            return change(order, OrderStatus.EXPIRED, null, ORDER_EXPIRED);
        }
        return order;
    }

    private Order change(Order order, OrderStatus status, Instant newValidUntil, String event) {
        Order changed = new Order(order.id(), order.customerId(), order.iccid(), order.planId(), order.planName(),
                order.amount(), status, order.checkoutUrl(), order.createdAt(), newValidUntil);
        orders.put(changed.id(), changed);
        log.info("sandbox order {} is {}", changed.id(), status);
        webhooks.publish(event, changed);
        return changed;
    }

    record Placed(Order order, boolean created) {
    }

    private record KeyedRequest(long customerId, String iccid, String planId, String orderId) {

        boolean matches(long otherCustomer, String otherIccid, String otherPlan) {
            return customerId == otherCustomer && iccid.equals(otherIccid) && planId.equals(otherPlan);
        }
    }
}
