package dev.esimbot.conversation;

import dev.esimbot.billing.Money;

/**
 * A Telegram invoice for one order. Plain text, within Telegram's limits: title up to 32 characters, description up
 * to 255, payload (the order id) up to 128 bytes.
 */
public record Invoice(String payload, String title, String description, String priceLabel, Money price) {
}
