package dev.esimbot.i18n;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** User-facing text by key, from {@code i18n/messages_*.properties}. */
@Component
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
