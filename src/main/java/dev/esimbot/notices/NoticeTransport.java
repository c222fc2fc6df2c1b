package dev.esimbot.notices;

import dev.esimbot.conversation.Reply;

/**
 * Sends one notice and says how Telegram answered. Makes one attempt and never retries: the sender decides what
 * happens next, since only it knows the shared limits.
 */
public interface NoticeTransport {

    Delivery send(long chatId, Reply reply);
}
