package dev.esimbot.billing;

/**
 * Billing reported a change of an order through a verified webhook. Published synchronously: the webhook is
 * acknowledged only after every listener returned, and a listener exception makes billing deliver it again, so
 * listeners must tolerate duplicates (ids are not de-duplicated here).
 */
public record BillingEventReceived(String eventId, String type, Order order) {

    public static final String ORDER_PAID = "order.paid";
    public static final String ORDER_FULFILLED = "order.fulfilled";
    public static final String ORDER_FAILED = "order.failed";
    public static final String ORDER_EXPIRED = "order.expired";

    static boolean isKnownType(String type) {
        return ORDER_PAID.equals(type) || ORDER_FULFILLED.equals(type) || ORDER_FAILED.equals(type)
                || ORDER_EXPIRED.equals(type);
    }
}
