package dev.esimbot.conversation;

import dev.esimbot.i18n.Language;

/**
 * Told when a private chat talks to the bot in a language it was not recorded in yet (the first time, or after
 * {@code /language}), so announcements know their audience. Implemented by {@code announce.Audience}.
 */
public interface ChatSeen {

    void seen(long chatId, Language language);
}
