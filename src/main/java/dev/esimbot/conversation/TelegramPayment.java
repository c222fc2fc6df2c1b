package dev.esimbot.conversation;

/** Telegram charged the user for an invoice ({@code successful_payment}); the payload is the order id. */
public record TelegramPayment(long updateId, long chatId, String payload, String currency, long totalAmount,
                              String telegramChargeId, String providerChargeId) {
}
