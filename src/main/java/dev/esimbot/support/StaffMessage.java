package dev.esimbot.support;

/**
 * A message posted in the staff group: in a topic ({@code topicId}), or as a reply ({@code replyToMessageId}).
 * {@code text} is the text or the caption, null for media without one; {@code media} says which it is.
 */
public record StaffMessage(long updateId, long chatId, int messageId, Integer topicId, Integer replyToMessageId,
                           long fromUserId, boolean fromBot, String text, boolean media, String fromFirstName) {
}
