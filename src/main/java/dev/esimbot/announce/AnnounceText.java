package dev.esimbot.announce;

import dev.esimbot.i18n.Language;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The texts of an announcement: read from {@code /announce}, and kept as a draft until it is confirmed. */
final class AnnounceText {

    /** {@code en: <text> zh: <text>} in either order, each part optional; without markers one text for both. */
    private static final Pattern PARTS = Pattern.compile("(?is)^(en|zh):\\s*(.*?)\\s*(?:(?<=\\s)(en|zh):\\s*(.*))?$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private AnnounceText() {
    }

    /** The texts by language; empty when there is no text at all. */
    static Map<Language, String> parse(String arguments) {
        String text = arguments.strip();
        Map<Language, String> texts = new EnumMap<>(Language.class);
        Matcher parts = PARTS.matcher(text);
        if (parts.matches()) {
            put(texts, parts.group(1), parts.group(2));
            if (parts.group(3) != null) {
                put(texts, parts.group(3), parts.group(4));
            }
        } else if (!text.isEmpty()) {
            texts.put(Language.EN, text);
            texts.put(Language.ZH, text);
        }
        return texts;
    }

    static String encode(Map<Language, String> texts) {
        Map<String, String> plain = new LinkedHashMap<>();
        texts.forEach((language, text) -> plain.put(language.name(), text));
        return JSON.writeValueAsString(plain);
    }

    static Map<Language, String> decode(String json) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        JSON.readValue(json, MAP).forEach((language, text) -> texts.put(Language.valueOf(language), text));
        return texts;
    }

    private static void put(Map<Language, String> texts, String language, String text) {
        if (text != null && !text.isBlank()) {
            texts.put(Language.valueOf(language.toUpperCase(Locale.ROOT)), text.strip());
        }
    }
}
