package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.session.ChatSessions;
import dev.esimbot.session.ChatSessions.Outcome;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Brings an order's outcome into its chat under the chat's lock: exactly one receipt per fulfilled order, and a
 * failure screen only for the order the chat is still waiting for and never after a receipt.
 */
@Component
class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);
    private static final long RECEIPT_MARK_TTL_SECONDS = 90L * 24 * 3600;
    private static final long SENDING_CLAIM_SECONDS = 120;
    private static final String SENDING = "sending";
    private static final String SENT = "sent";

    private final ChatSessions sessions;
    private final JourneyMachine machine;
    private final Screens screens;
    private final Messenger messenger;
    private final BillingClient billing;
    private final UnifiedJedis redis;
    private final RedisKeys keys;

    Settlement(ChatSessions sessions, JourneyMachine machine, Screens screens,
               Messenger messenger, BillingClient billing, UnifiedJedis redis, RedisKeys keys) {
        this.sessions = sessions;
        this.machine = machine;
        this.screens = screens;
        this.messenger = messenger;
        this.billing = billing;
        this.redis = redis;
        this.keys = keys;
    }

    /** Returns true once nothing more will happen for this order. */
    boolean settle(long chatId, Order order) {
        return switch (order.status()) {
            case FULFILLED -> sessions.withChat(chatId, session -> fulfilled(chatId, session, order));
            case DECLINED, EXPIRED, CANCELLED, FAILED -> sessions.withChat(chatId, session -> unsuccessful(chatId, session, order));
            case AWAITING_PAYMENT, PAID -> false;
        };
    }

    private Outcome<Boolean> fulfilled(long chatId, Session session, Order order) {
        String mark = keys.receipt(order.id());
        String marked = redis.get(mark);
        if (marked != null) {
            // "sending" under the chat lock means an earlier attempt died mid-send: retry once its short claim lapses.
            log.debug("chat={} order={} receipt {}", chatId, order.id(), marked);
            return new Outcome<>(null, false, SENT.equals(marked));
        }
        ChatContext context = new ChatContext(session.data());
        Turn turn = new Turn(chatId, context, JourneyState.parse(session.state()), billing);
        Esim esim = turn.esim(order.iccid());
        // Claimed only now, after the last call that can fail, released if the send fails, and only briefly while
        // sending: a crash mid-send can at worst repeat a receipt after the claim lapses, never lose it.
        if (redis.set(mark, SENDING, SetParams.setParams().nx().ex(SENDING_CLAIM_SECONDS)) == null) {
            return new Outcome<>(null, false, false);
        }
        if (order.id().equals(context.order())) {
            machine.next(turn.state, JourneyEvent.PAYMENT_SUCCEEDED, null).ifPresent(s -> turn.state = s);
        }
        Reply receipt = screens.receipt(turn, order, esim);
        if (turn.state == JourneyState.CONFIRMED) {
            context.esim(esim.iccid());
        }
        if (messenger.send(chatId, receipt) == null) {
            redis.del(mark);
            log.warn("chat={} order={} receipt not delivered; will retry", chatId, order.id());
            return new Outcome<>(null, false, false);
        }
        redis.set(mark, SENT, SetParams.setParams().ex(RECEIPT_MARK_TTL_SECONDS));
        log.info("chat={} order={} receipt sent", chatId, order.id());
        return new Outcome<>(session.with(turn.state.name(), context.data()), false, true);
    }

    private Outcome<Boolean> unsuccessful(long chatId, Session session, Order order) {
        ChatContext context = new ChatContext(session.data());
        JourneyState state = JourneyState.parse(session.state());
        if (!order.id().equals(context.order()) || redis.exists(keys.receipt(order.id()))) {
            log.info("chat={} order={} ended {}; the chat has moved on to another order", chatId, order.id(), order.status());
            return new Outcome<>(null, false, true);
        }
        Turn turn = new Turn(chatId, context, state, billing);
        turn.remember(order);
        Reply reply;
        if (state == JourneyState.AWAITING_PAYMENT) {
            machine.next(state, JourneyEvent.PAYMENT_UNSUCCESSFUL, null).ifPresent(s -> turn.state = s);
            reply = screens.render(turn);
        } else {
            reply = screens.orderEnded(turn, order); // the user left the payment screen but still owns this order
        }
        messenger.send(chatId, reply);
        log.info("chat={} order={} ended {}", chatId, order.id(), order.status());
        return new Outcome<>(session.with(turn.state.name(), context.data()), false, true);
    }
}
