package dev.esimbot.support;

/**
 * The staff supergroup as the support feature needs it; the Telegram adapter implements it. Every method answers
 * null (or false) when Telegram refused or could not be reached, and logs why; none throws.
 */
public interface StaffChannel {

    /** Whether the group has topics turned on; null when the group cannot be reached. */
    Boolean forum(long staffChat);

    /** Creates a forum topic; returns its thread id. */
    Integer createTopic(long staffChat, String name);

    /** Posts an HTML message (in the staff group, or to a user), in a topic when {@code topicId} is set; returns its id. */
    Integer post(long staffChat, Integer topicId, String html);

    /** Copies a message (text, photo, document, voice...) without showing who sent it; returns the copy's id. */
    Integer copy(long fromChat, int messageId, long toChat, Integer topicId);

    /** Copies a media message with another caption (HTML); returns the copy's id. */
    Integer copyWithCaption(long fromChat, int messageId, long toChat, String captionHtml);
}
