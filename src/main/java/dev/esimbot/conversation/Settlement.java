package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.session.ChatSessions;
import dev.esimbot.session.ChatSessions.Outcome;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.session.Session;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Brings an order's outcome into its chat under the chat's lock: exactly one receipt per fulfilled order; one
 * message when an order ends unpaid, only for the order the chat is still waiting for and never after a receipt; and
 * one message, never a way to pay again, when a paid renewal stalls.
 */
@Component
class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final ChatSessions sessions;
    private final JourneyMachine machine;
    private final Screens screens;
    private final Messenger messenger;
    private final BillingClient billing;
    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final ApplicationEventPublisher events;
    private final JourneyMetrics metrics;
    private final Clock clock;

    Settlement(ChatSessions sessions, JourneyMachine machine, Screens screens, Messenger messenger,
               BillingClient billing, UnifiedJedis redis, RedisKeys keys, ApplicationEventPublisher events,
               JourneyMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.sessions = sessions;
        this.machine = machine;
        this.screens = screens;
        this.messenger = messenger;
        this.billing = billing;
        this.redis = redis;
        this.keys = keys;
        this.events = events;
    }

    /** Returns true once nothing more will happen for this order. */
    boolean settle(long chatId, Order order) {
        return switch (order.status()) {
            case FULFILLED -> sessions.withChat(chatId, session -> fulfilled(chatId, session, order));
            case DECLINED, EXPIRED, CANCELLED -> sessions.withChat(chatId, session -> unsuccessful(chatId, session, order));
            case FAILED -> sessions.withChat(chatId, session -> stalled(chatId, session, order));
            case AWAITING_PAYMENT, PAID -> false;
        };
    }

    /** A paid order whose renewal takes too long: told once, and staff alerted; returns true once told. */
    boolean stalled(long chatId, Order paid) {
        return sessions.withChat(chatId, session -> stalled(chatId, session, paid));
    }

    private Outcome<Boolean> fulfilled(long chatId, Session session, Order order) {
        OnceMark mark = receiptMark(chatId, order);
        if (mark.taken()) {
            // "sending" under the chat lock means an earlier attempt died mid-send: retry once its short claim lapses.
            log.debug("chat={} order={} receipt already claimed", chatId, order.id());
            return new Outcome<>(null, false, mark.sent());
        }
        ChatContext context = new ChatContext(session.data());
        Turn turn = new Turn(chatId, context, JourneyState.parse(session.state()), billing);
        Esim esim = turn.esim(order.iccid()); // the last call that can fail comes before the claim
        if (!mark.claim()) {
            return new Outcome<>(null, false, false);
        }
        if (order.id().equals(context.order())) {
            machine.next(turn.state, JourneyEvent.PAYMENT_SUCCEEDED, null).ifPresent(s -> turn.state = s);
        }
        context.paymentSucceeded();
        Reply receipt = screens.receipt(turn, order, esim);
        if (turn.state == JourneyState.CONFIRMED) {
            context.esim(esim.iccid());
        }
        if (!deliver(chatId, order, receipt, mark, "receipt")) {
            return new Outcome<>(null, false, false);
        }
        events.publishEvent(new EsimCovered(chatId, esim.iccid()));
        return new Outcome<>(session.with(turn.state.name(), context.data()), false, true);
    }

    private Outcome<Boolean> unsuccessful(long chatId, Session session, Order order) {
        ChatContext context = new ChatContext(session.data());
        if (!order.id().equals(context.order()) || receiptMark(chatId, order).taken()) {
            log.info("chat={} order={} ended {}; the chat has moved on to another order", chatId, order.id(), order.status());
            return new Outcome<>(null, false, true);
        }
        OnceMark told = outcomeMark(chatId, order);
        if (!told.claim()) {
            return new Outcome<>(null, false, told.sent());
        }
        return tell(chatId, session, order, JourneyEvent.PAYMENT_UNSUCCESSFUL, told, "end " + order.status());
    }

    /** Money was taken: the user must never be offered to pay again, and must never be left in silence. */
    private Outcome<Boolean> stalled(long chatId, Session session, Order order) {
        OnceMark mark = outcomeMark(chatId, order);
        if (receiptMark(chatId, order).taken() || !mark.claim()) {
            return new Outcome<>(null, false, mark.sent());
        }
        Outcome<Boolean> told = tell(chatId, session, order, JourneyEvent.FULFILMENT_STALLED, mark, "stalled " + order.status());
        if (told.value()) {
            log.error("chat={} order={} paid but renewal not applied ({}); staff alerted", chatId, order.id(), order.status());
            events.publishEvent(new RenewalStalled(chatId, order));
            events.publishEvent(EsimCovered.awaitingRenewal(chatId, order.iccid())); // paid: no reminder inviting a second payment
        }
        return told;
    }

    /**
     * Tells the chat, under the claimed mark, how its order ended: on the order's payment screen through the journey
     * event, anywhere else as a message of its own that leaves the step as it is.
     */
    private Outcome<Boolean> tell(long chatId, Session session, Order order, JourneyEvent event, OnceMark mark,
                                  String what) {
        ChatContext context = new ChatContext(session.data());
        JourneyState state = JourneyState.parse(session.state());
        Turn turn = new Turn(chatId, context, state, billing);
        turn.remember(order);
        if (order.status() == OrderStatus.DECLINED || order.status() == OrderStatus.CANCELLED) {
            context.paymentFailed();
        }
        Reply reply;
        if (order.id().equals(context.order()) && state == JourneyState.AWAITING_PAYMENT) {
            machine.next(state, event, null).ifPresent(s -> turn.state = s);
            reply = screens.render(turn);
        } else {
            reply = screens.orderEnded(turn, order); // the user left the payment screen but still owns this order
        }
        if (!deliver(chatId, order, reply, mark, what)) {
            return new Outcome<>(null, false, false);
        }
        return new Outcome<>(session.with(turn.state.name(), context.data()), false, true);
    }

    private OnceMark receiptMark(long chatId, Order order) {
        return OnceMark.of(OnceMark.Kind.RECEIPT, redis, keys, chatId, order, clock);
    }

    private OnceMark outcomeMark(long chatId, Order order) {
        return OnceMark.of(OnceMark.Kind.OUTCOME, redis, keys, chatId, order, clock);
    }

    /** Sends under the mark; a failed send releases it so the next pass tries again. */
    private boolean deliver(long chatId, Order order, Reply reply, OnceMark mark, String what) {
        if (messenger.send(chatId, reply) == null) {
            mark.release();
            log.warn("chat={} order={} {} not delivered; will retry", chatId, order.id(), what);
            return false;
        }
        mark.confirm();
        metrics.told(order.status());
        log.info("chat={} order={} {} sent", chatId, order.id(), what);
        return true;
    }
}
