package dev.esimbot.conversation;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
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
        turn.context.newIntent();
        turn.state = target;
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
                    "tg-" + turn.context.intent());
            if (order.status() != OrderStatus.AWAITING_PAYMENT) {
                // Billing answered the key with an order that is already settled: never show it as payable again.
                turn.context.newIntent();
                order = turn.billing().createOrder(turn.customerId(), iccid, planId, "tg-" + turn.context.intent());
            }
            turn.committed = true;
            turn.remember(order);
            turn.context.order(order.id());
            payments.track(turn.chatId, order.id());
            turn.state = target;
        } catch (BillingRejectedException rejected) {
            turn.notice("order.rejected");
            turn.state = JourneyState.CHOOSING_PLAN;
        }
    }
}
