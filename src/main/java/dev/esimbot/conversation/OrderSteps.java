package dev.esimbot.conversation;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Choosing a plan and placing the order. The price is always billing's, looked up again, never the button's. */
@Component
class OrderSteps {

    private final Payments payments;
    private final JourneyMetrics metrics;

    OrderSteps(Payments payments, JourneyMetrics metrics) {
        this.payments = payments;
        this.metrics = metrics;
    }

    void choosePlan(Turn turn, JourneyState target, String planId) {
        if (turn.context.esim() == null || turn.plan(turn.context.esim(), planId).isEmpty()) {
            turn.notice("plan.unavailable");
            return;
        }
        turn.context.plan(planId);
        turn.context.newIntent();
        turn.state = target;
        metrics.planChosen();
    }

    void place(Turn turn, JourneyState target, boolean retry) {
        if (retry || turn.context.intent() == null) {
            turn.context.newIntent();
        }
        String iccid = turn.context.esim();
        String planId = turn.context.plan();
        turn.failureKey = "order.billing-down";
        try {
            Order order = turn.billing().createOrder(turn.customerId(), iccid, planId,
                    idempotencyKey(turn.chatId, iccid, planId, turn.context.intent()));
            if (order.status() != OrderStatus.AWAITING_PAYMENT) {
                // Billing answered the key with an order that is already settled: never show it as payable again.
                turn.context.newIntent();
                order = turn.billing().createOrder(turn.customerId(), iccid, planId,
                        idempotencyKey(turn.chatId, iccid, planId, turn.context.intent()));
            }
            turn.committed = true;
            turn.remember(order);
            turn.context.order(order.id());
            payments.track(turn.chatId, order);
            turn.state = target;
            metrics.orderCreated();
        } catch (BillingRejectedException rejected) {
            turn.notice("order.rejected");
            turn.state = JourneyState.CHOOSING_PLAN;
        }
    }

    /**
     * Derived from the chat, the eSIM, the plan and the purchase intent of the journey step that started the purchase:
     * the same tap, retried or replayed on any instance, always names the same order, and a changed eSIM or plan can
     * never reuse another request's key. Hashed, so billing's logs see no ICCID; short enough for billing's limit.
     */
    static String idempotencyKey(long chatId, String iccid, String planId, String intent) {
        String request = iccid + '\n' + planId + '\n' + intent;
        byte[] digest = sha256(request.getBytes(StandardCharsets.UTF_8));
        return "tg-" + chatId + "-" + HexFormat.of().formatHex(digest, 0, 16);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
