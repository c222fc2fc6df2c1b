package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base as loaded and checked: per language its entries (same ids and shapes in every language), its
 * synonyms, and the other-language names of places; plus the traditional to simplified character map.
 */
record KnowledgeBase(Map<Language, Map<String, KbEntry>> entries, Map<Language, List<String>> synonyms,
                     Map<String, List<String>> places, Map<Character, Character> simplified) {

    Map<String, KbEntry> entries(Language language) {
        return entries.get(language);
    }

    KbEntry entry(Language language, String id) {
        return entries.get(language).get(id);
    }
}
