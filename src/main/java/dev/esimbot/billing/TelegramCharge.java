package dev.esimbot.billing;

/** A payment Telegram took for an invoice: its charge ids and the amount charged. */
public record TelegramCharge(String telegramChargeId, String providerChargeId, Money amount) {
}
