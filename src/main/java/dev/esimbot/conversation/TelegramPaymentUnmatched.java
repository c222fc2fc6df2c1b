package dev.esimbot.conversation;

/**
 * Telegram took a payment that billing would not book to its order (paid already by another charge, amount or order
 * unknown). The user has been told; staff must complete the order or refund the charge.
 */
public record TelegramPaymentUnmatched(long chatId, String orderId, String telegramChargeId, String billingCode) {
}
