package dev.esimbot.billing;

/** Names are part of the billing contract and may be persisted: do not rename. */
public enum OrderStatus {
    AWAITING_PAYMENT, PAID, FULFILLED, DECLINED, EXPIRED, CANCELLED, FAILED;

    /** True when the order will not change any more. PAID is not final: fulfilment follows. */
    public boolean isFinal() {
        return this != AWAITING_PAYMENT && this != PAID;
    }
}
