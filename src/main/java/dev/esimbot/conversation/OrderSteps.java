package dev.esimbot.conversation;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Order;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Choosing a plan and placing the order. The price is always billing's, looked up again, never the button's. */
@Component
class OrderSteps {

    private final Payments payments;

    OrderSteps(Payments payments) {
        this.payments = payments;
    }

    void choosePlan(Turn turn, JourneyState target, String planId) {
        if (turn.context.esim() == null || turn.plan(turn.context.esim(), planId).isEmpty()) {
            turn.notice("plan.unavailable");
            return;
        }
        turn.context.plan(planId);
        turn.context.nextAttempt();
        turn.state = target;
    }

    void place(Turn turn, JourneyState target, boolean retry) {
        if (retry) {
            turn.context.nextAttempt();
        }
        String iccid = turn.context.esim();
        String planId = turn.context.plan();
        turn.failureKey = "order.billing-down";
        try {
            Order order = turn.billing().createOrder(turn.customerId(), iccid, planId,
                    idempotencyKey(turn.chatId, iccid, planId, turn.context.attempt()));
            turn.remember(order);
            turn.context.order(order.id());
            payments.track(turn.chatId, order.id());
            turn.state = target;
        } catch (BillingRejectedException rejected) {
            turn.notice("order.rejected");
            turn.state = JourneyState.CHOOSING_PLAN;
        }
    }

    /**
     * One purchase intent, one key: the same chat, eSIM, plan and attempt always give the same key, so a double tap,
     * a retry after a timeout, a replayed update or a second instance all reach the same order.
     */
    static String idempotencyKey(long chatId, String iccid, String planId, long attempt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((chatId + "|" + iccid + "|" + planId + "|" + attempt + "|order").getBytes(StandardCharsets.UTF_8));
            return "tg-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
