package dev.esimbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.billing.TelegramCharge;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Booking payments Telegram took for an order's invoice: once per charge, for the order's amount only. */
class SandboxTelegramPaymentsTest extends SandboxHttpTest {

    private static final Money PERU_DAILY = new Money(299, "USD");

    @Test
    void sameChargeReportedTwiceIsBookedOnce() {
        Order order = newOrder();

        Order first = billing.reportTelegramPayment(order.id(), charge(order, "c1", PERU_DAILY));
        Order again = billing.reportTelegramPayment(order.id(), charge(order, "c1", PERU_DAILY));

        assertThat(first.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(again.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(again.newValidUntil()).isEqualTo(first.newValidUntil());
    }

    @Test
    void chargeOfAnotherAmountIsRefusedAndLeavesTheOrderOpen() {
        Order order = newOrder();

        assertThatThrownBy(() -> billing.reportTelegramPayment(order.id(), charge(order, "c2", new Money(1, "USD"))))
                .isInstanceOfSatisfying(BillingRejectedException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(422);
                    assertThat(ex.code()).isEqualTo("amount_mismatch");
                });
        assertThat(billing.order(order.id()).status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    }

    @Test
    void secondChargeForAPaidOrderIsRefusedAsAlreadyPaid() {
        Order order = newOrder();
        billing.reportTelegramPayment(order.id(), charge(order, "c3", PERU_DAILY));

        assertThatThrownBy(() -> billing.reportTelegramPayment(order.id(), charge(order, "c4", PERU_DAILY)))
                .isInstanceOfSatisfying(BillingRejectedException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(409);
                    assertThat(ex.code()).isEqualTo("already_paid");
                });
    }

    @Test
    void chargeTakenJustAfterTheCheckoutExpiredStillPaysTheOrder() {
        Order order = newOrder();
        clock.advance(Duration.ofMinutes(31));
        assertThat(billing.order(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);

        Order paid = billing.reportTelegramPayment(order.id(), charge(order, "c5", PERU_DAILY));

        assertThat(paid.status()).isEqualTo(OrderStatus.FULFILLED);
    }

    private Order newOrder() {
        long customer = newCustomer();
        return billing.createOrder(customer, SandboxIccids.of(customer, SandboxIccids.PERU), "pe-1d", "k-" + customer);
    }

    /** Charge ids are unique per order here, as Telegram's are everywhere. */
    private static TelegramCharge charge(Order order, String id, Money amount) {
        return new TelegramCharge(order.id() + "-" + id, "pi_" + id, amount);
    }
}
