package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/** The start-up check across languages: the same entries with the same shape everywhere, valid ids and buttons. */
final class KbCheck {

    /** An id rides on a button (callback data), so it is short and plain. */
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");

    private KbCheck() {
    }

    static List<String> problems(KnowledgeBase kb) {
        List<String> problems = new ArrayList<>();
        Map<String, KbEntry> english = kb.entries(Language.EN);
        for (Language language : Language.values()) {
            String file = "kb_" + language.name().toLowerCase(Locale.ROOT) + ".yaml";
            for (KbEntry entry : kb.entries(language).values()) {
                entry(file, entry, kb.simplified(), problems);
                KbEntry other = english.get(entry.id());
                if (other == null) {
                    problems.add("entry '" + entry.id() + "' is in " + file + " but not in kb_en.yaml");
                } else if (!other.shape().equals(entry.shape())) {
                    problems.add("entry '" + entry.id() + "' differs between kb_en.yaml (" + other.shape() + ") and "
                            + file + " (" + entry.shape() + ")");
                }
            }
            english.keySet().stream().filter(id -> !kb.entries(language).containsKey(id))
                    .forEach(id -> problems.add("entry '" + id + "' is missing from " + file));
        }
        if (english.values().stream().noneMatch(e -> !e.isAction())) {
            problems.add("there is no article");
        }
        return problems;
    }

    private static void entry(String file, KbEntry entry, Map<Character, Character> simplified, List<String> problems) {
        String where = file + ": entry '" + entry.id() + "'";
        if (!ID.matcher(entry.id()).matches()) {
            problems.add(where + ": an id is 1-32 of a-z, 0-9 and '-'");
        }
        entry.buttons().stream().filter(b -> !Article.BUTTONS.contains(b))
                .forEach(b -> problems.add(where + " has an unknown button '" + b + "' (known: " + Article.BUTTONS + ")"));
        if (entry.isAction() && !entry.buttons().isEmpty()) {
            problems.add(where + " is an action: it takes no buttons");
        }
        if (!entry.isAction()) {
            TelegramHtml.problem(entry.answer()).ifPresent(p -> problems.add(where + ": the answer " + p));
        }
        Analyzer words = file.equals("kb_en.yaml") ? Analyzers.plainEnglish() : Analyzers.plainChinese(simplified);
        entry.questions().stream().filter(q -> TextIndex.terms(words, q).isEmpty()).forEach(q -> problems.add(where
                + ": the question '" + q + "' has no word to match (only stop words or punctuation)"));
    }
}
