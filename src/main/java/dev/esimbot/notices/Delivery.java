package dev.esimbot.notices;

/**
 * How one send went.
 *
 * @param status            what happened
 * @param retryAfterSeconds with {@link Status#RETRY_AFTER}: Telegram's {@code retry_after}; else 0
 * @param detail            for the log: an error code and Telegram's description or an exception type, never the text
 */
public record Delivery(Status status, int retryAfterSeconds, String detail) {

    public enum Status {
        /** Telegram accepted the message. */
        SENT,
        /** HTTP 429: every sender waits {@code retryAfterSeconds}, then this message is tried again. */
        RETRY_AFTER,
        /** HTTP 403: the user blocked the bot or is deactivated; the chat is skipped from now on. */
        BLOCKED,
        /** Telegram could not be reached or failed (5xx): worth another try later. */
        FAILED_TRANSIENT,
        /** Refused for good (400 chat not found, bad markup ...): trying again would not help. */
        FAILED_PERMANENT
    }

    public static Delivery sent() {
        return new Delivery(Status.SENT, 0, "");
    }

    public static Delivery retryAfter(int seconds, String detail) {
        return new Delivery(Status.RETRY_AFTER, Math.max(1, seconds), detail);
    }

    public static Delivery blocked(String detail) {
        return new Delivery(Status.BLOCKED, 0, detail);
    }

    public static Delivery failedTransient(String detail) {
        return new Delivery(Status.FAILED_TRANSIENT, 0, detail);
    }

    public static Delivery failedPermanent(String detail) {
        return new Delivery(Status.FAILED_PERMANENT, 0, detail);
    }
}
