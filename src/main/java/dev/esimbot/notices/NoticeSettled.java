package dev.esimbot.notices;

/**
 * Published once a queued notice has left the queue for good: sent, skipped because the chat blocked the bot, or
 * failed. Announcement progress can count these. Published on the sender's thread, after the state is stored.
 */
public record NoticeSettled(String noticeId, long chatId, NoticeState state) {
}
