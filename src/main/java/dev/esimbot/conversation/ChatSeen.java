package dev.esimbot.conversation;

import dev.esimbot.i18n.Language;
import java.util.Optional;

/**
 * Told when a private chat talks to the bot in a language it was not recorded in yet (the first time, or after
 * {@code /language}), so announcements know their audience; asked by expiry notices whether a customer's chat can
 * be written to, and in which language. Implemented by {@code announce.Audience}.
 */
public interface ChatSeen {

    void seen(long chatId, Language language);

    /** The language the chat was last seen in; empty for a chat that never talked to the bot (Telegram refuses it). */
    Optional<Language> languageOf(long chatId);
}
