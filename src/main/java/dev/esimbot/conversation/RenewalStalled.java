package dev.esimbot.conversation;

import dev.esimbot.billing.Order;

/**
 * A user paid, but billing has not applied the renewal: it reported the fulfilment failed, or the order stayed paid
 * long past the grace period. The user has been told; staff must now complete or refund it.
 */
public record RenewalStalled(long chatId, Order order) {
}
