package dev.esimbot.support;

import dev.esimbot.i18n.Language;
import java.time.Instant;

/**
 * A support ticket: the user's chat and, in a forum staff group, its topic (null when agents answer by replying to
 * copies in a group without topics), and the user's language (for what the bot adds to agents' answers).
 */
record Ticket(long number, long chatId, Integer topicId, boolean open, Instant openedAt, Language language) {
}
