package dev.esimbot.announce;

import dev.esimbot.i18n.Language;
import java.util.Map;

/**
 * One announcement as stored: its text per language and whom it goes to.
 *
 * @param audience {@link #ALL}, or a region: only chats owning an eSIM of that region (billing's {@code region})
 * @param staffMessage the staff group's progress message, or null when started through the admin API
 */
record Announcement(long id, Map<Language, String> texts, String audience, Integer staffMessage) {

    static final String ALL = "all";

    boolean toAll() {
        return ALL.equalsIgnoreCase(audience);
    }

    String text(Language language) {
        return texts.getOrDefault(language, texts.get(language.other()));
    }

    /** The notice id of this announcement for one chat: the same on every try, so a chat gets it once. */
    String noticeId(long chatId) {
        return "ann-" + id + "-" + chatId;
    }
}
