package dev.esimbot.sandbox;

import dev.esimbot.billing.Order;
import java.util.Set;
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
    private final SandboxFaults faults;

    SandboxControl(SandboxAccounts accounts, SandboxOrders orders, SandboxFaults faults) {
        this.accounts = accounts;
        this.orders = orders;
        this.faults = faults;
    }

    /** Forgets the customer's orders, eSIMs and faults and seeds the profile afresh. */
    public void reset(long customerId, SandboxProfile profile) {
        faults.set(customerId, Set.of());
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

    /** Switches on exactly these faults for the customer (none: all off). */
    public void faults(long customerId, Set<SandboxFault> wanted) {
        faults.set(customerId, wanted);
    }

    /** As if billing's staff completed a paid order whose renewal stalled (webhook {@code order.fulfilled}). */
    public Order fulfilStalled(String orderId) {
        return orders.fulfilStalled(orderId);
    }

    /** Expires every order whose checkout TTL has passed, as the scheduled sweep does. */
    public void expireOverdueOrders() {
        orders.expireOverdue();
    }
}
