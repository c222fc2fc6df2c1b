package dev.esimbot.conversation;

/**
 * One thing a user did in a private chat, as the Telegram adapter hands it over.
 *
 * @param text      the message text, or the command with its arguments, or the button's callback data
 * @param messageId the user's message; for a button: the message that carried it, null when Telegram did not say
 * @param firstName the user's first name as Telegram shows it (for staff), may be null
 */
public record ChatInput(long updateId, long chatId, long userId, String languageCode, Kind kind, String text,
                        String callbackId, Integer messageId, String firstName) {

    public enum Kind {
        COMMAND,
        TEXT,
        BUTTON,
        /** Something the bot cannot read here: a sticker, a photo, a voice note... */
        OTHER
    }
}
