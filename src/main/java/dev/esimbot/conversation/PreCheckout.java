package dev.esimbot.conversation;

/** Telegram asks, before it charges, whether the invoice may still be paid; it must be answered within 10 s. */
public record PreCheckout(long updateId, String queryId, long userId, String languageCode, String payload,
                          String currency, long totalAmount) {
}
