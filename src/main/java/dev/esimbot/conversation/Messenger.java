package dev.esimbot.conversation;

/** Where replies go. The Telegram adapter implements it; failures are logged there, never thrown here. */
public interface Messenger {

    /** Sends a new message; returns its id, or null when it could not be sent. */
    Integer send(long chatId, Reply reply);

    /** Edits a message in place; false when it could not be edited (too old, deleted, unchanged). */
    boolean edit(long chatId, int messageId, Reply reply);

    /** Stops the spinner on a tapped button. */
    void answerCallback(String callbackQueryId);
}
