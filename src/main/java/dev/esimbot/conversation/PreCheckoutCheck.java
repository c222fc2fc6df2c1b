package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.Plan;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Decides, from billing's current state of the order, whether Telegram may charge: the order is this user's, still
 * awaiting payment, and the invoice's amount is billing's price for a plan it still offers. Telegram waits 10 s for
 * the answer, so billing gets at most {@link #DEADLINE_SECONDS}; no answer in time is a refusal that charges nothing.
 */
@Component
class PreCheckoutCheck implements DisposableBean {

    static final long DEADLINE_SECONDS = 7;
    private static final Logger log = LoggerFactory.getLogger(PreCheckoutCheck.class);

    private final ExecutorService checks = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "pre-checkout");
        thread.setDaemon(true);
        return thread;
    });
    private final BillingClient billing;

    PreCheckoutCheck(BillingClient billing) {
        this.billing = billing;
    }

    /** The text key of the reason to refuse, or null when Telegram may charge. */
    String refusal(PreCheckout query) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> check(query), checks);
        try {
            return answer.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            answer.cancel(true);
            log.warn("order={} pre-checkout could not be checked in time: {}", query.payload(), e.toString());
            return "precheckout.unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "precheckout.unavailable";
        }
    }

    private String check(PreCheckout query) {
        Order order;
        try {
            order = billing.order(query.payload());
        } catch (BillingRejectedException unknown) {
            return "precheckout.unknown";
        }
        if (order.customerId() != query.userId()) {
            return "precheckout.unknown";
        }
        String closed = switch (order.status()) {
            case AWAITING_PAYMENT -> null;
            case PAID, FULFILLED, FAILED -> "precheckout.paid";
            case DECLINED, EXPIRED, CANCELLED -> "precheckout.closed";
        };
        if (closed != null) {
            return closed;
        }
        Money invoiced = new Money(query.totalAmount(), query.currency());
        Optional<Plan> plan = billing.plans(order.customerId(), order.iccid()).stream()
                .filter(p -> p.id().equals(order.planId())).findFirst();
        boolean samePrice = plan.isPresent() && plan.get().price().equals(order.amount());
        return samePrice && order.amount().equals(invoiced) ? null : "precheckout.changed";
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
