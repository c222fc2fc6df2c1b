package dev.esimbot.notices;

/** Where one notice stands. The names are stored in Redis: never rename them. */
public enum NoticeState {
    /** In the queue (or being sent). */
    QUEUED,
    /** Telegram accepted it. */
    SENT,
    /** Not sent: the user blocked the bot or deleted the account. */
    BLOCKED,
    /** Not sent: Telegram refused it for good, or it kept failing. */
    FAILED,
    /** Waiting outside the queue: quiet hours, or the user's open support ticket (see {@link HeldNotices}). */
    HELD,
    /** Not sent: the user turned notices off, or the eSIM was renewed or set to auto-renew meanwhile. */
    SKIPPED
}
