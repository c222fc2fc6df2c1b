package dev.esimbot.support;

import java.time.Instant;

/**
 * A support ticket: the user's chat and, in a forum staff group, its topic (null when agents answer by replying to
 * copies in a group without topics).
 */
record Ticket(long number, long chatId, Integer topicId, boolean open, Instant openedAt) {
}
