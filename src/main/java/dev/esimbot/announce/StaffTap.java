package dev.esimbot.announce;

/** A button tapped in the staff group (a callback query there); {@code messageId} null when Telegram did not say. */
public record StaffTap(long updateId, long chatId, Integer messageId, long fromUserId, String callbackId, String data) {
}
