package dev.esimbot.conversation;

import dev.esimbot.billing.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The renewal funnel as {@code bot.journey{step=status_viewed|plan_chosen|order_created|paid|receipt_sent}}, how
 * orders ended as {@code bot.payments{outcome=fulfilled|declined|expired|cancelled|failed|stalled}} (counted once per
 * order, when the user is told), and turns that could not be completed as {@code bot.turns.failed{reason=...}}.
 */
@Component
class JourneyMetrics {

    private final MeterRegistry meters;

    JourneyMetrics(MeterRegistry meters) {
        this.meters = meters;
        // Registered at zero, so dashboards and rate() see every series from the start.
        List.of("status_viewed", "plan_chosen", "order_created", "paid", "receipt_sent")
                .forEach(step -> meters.counter("bot.journey", "step", step));
        List.of("fulfilled", "declined", "expired", "cancelled", "failed", "stalled")
                .forEach(outcome -> meters.counter("bot.payments", "outcome", outcome));
    }

    void statusViewed() {
        step("status_viewed");
    }

    void planChosen() {
        step("plan_chosen");
    }

    void orderCreated() {
        step("order_created");
    }

    /**
     * The user was told how an order ended; PAID here means paid and not renewed in time (stalled). A stalled order
     * that is fulfilled later counts as paid twice: rare, and the receipt count stays exact.
     */
    void told(OrderStatus status) {
        String outcome = status == OrderStatus.PAID ? "stalled" : status.name().toLowerCase(Locale.ROOT);
        meters.counter("bot.payments", "outcome", outcome).increment();
        if (status == OrderStatus.FULFILLED || status == OrderStatus.FAILED || status == OrderStatus.PAID) {
            step("paid");
        }
        if (status == OrderStatus.FULFILLED) {
            step("receipt_sent");
        }
    }

    /** @param reason billing_down, store_down or error */
    void turnFailed(String reason) {
        meters.counter("bot.turns.failed", "reason", reason).increment();
    }

    private void step(String step) {
        meters.counter("bot.journey", "step", step).increment();
    }
}
