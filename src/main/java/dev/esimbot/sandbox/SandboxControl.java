package dev.esimbot.sandbox;

import dev.esimbot.billing.Order;
import org.springframework.stereotype.Component;

/**
 * The sandbox's admin levers for tests and local mode, without HTTP. The bean exists only in sandbox mode, so inject
 * it as {@code ObjectProvider<SandboxControl>} outside tests.
 */
@Component
@ConditionalOnSandbox
public class SandboxControl {

    private final SandboxAccounts accounts;
    private final SandboxOrders orders;

    SandboxControl(SandboxAccounts accounts, SandboxOrders orders) {
        this.accounts = accounts;
        this.orders = orders;
    }

    /** Forgets the customer's orders and eSIMs and seeds the profile afresh. */
    public void reset(long customerId, SandboxProfile profile) {
        orders.forget(customerId);
        accounts.reset(customerId, profile);
    }

    /** As if the customer pressed Pay on the checkout page: paid, then fulfilled (webhooks follow). */
    public Order pay(String orderId) {
        return orders.complete(orderId, true);
    }

    /** As if the customer pressed Decline on the checkout page (webhook {@code order.failed}). */
    public Order decline(String orderId) {
        return orders.complete(orderId, false);
    }

    /** Expires every order whose checkout TTL has passed, as the scheduled sweep does. */
    public void expireOverdueOrders() {
        orders.expireOverdue();
    }
}
