package dev.esimbot.conversation;

/** Where replies go. The Telegram adapter implements it; failures are logged there, never thrown here. */
public interface Messenger {

    /** Sends a new message; returns its id, or null when it could not be sent. */
    Integer send(long chatId, Reply reply);

    /** Edits a message in place; false when it could not be edited (too old, deleted, unchanged). */
    boolean edit(long chatId, int messageId, Reply reply);

    /** Stops the spinner on a tapped button. */
    void answerCallback(String callbackQueryId);

    /** Whether native Telegram invoices can be sent here (a payment provider token is configured). */
    boolean invoicesEnabled();

    /** Sends a Telegram invoice; returns its message id, or null when it could not be sent. */
    Integer sendInvoice(long chatId, Invoice invoice);

    /** Lets Telegram charge ({@code refusal} null) or refuses with a plain-text reason the user sees. */
    void answerPreCheckout(String queryId, String refusal);
}
