package dev.esimbot.i18n;

import java.util.Locale;

/** The languages the bot speaks. Stable names: they are stored in sessions. */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** Telegram's {@code language_code}: Chinese for {@code zh*}, English for everything else. */
    public static Language fromTelegram(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }

    public static Language parse(String stored) {
        return "ZH".equals(stored) ? ZH : EN;
    }

    public Language other() {
        return this == ZH ? EN : ZH;
    }
}
