package dev.esimbot.billing;

import java.time.Instant;

/** A renewal order. {@code newValidUntil} is null until the order is fulfilled. */
public record Order(String id, long customerId, String iccid, String planId, String planName, Money amount,
        OrderStatus status, String checkoutUrl, Instant createdAt, Instant newValidUntil) {
}
