package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language a text asks for ("english please", "请用中文回答"): one named and not negated, or none. "dont switch
 * the language", "is the text in chinese too" and a text naming both ask for none.
 */
final class LanguageNamed {

    private static final Pattern ENGLISH = Pattern.compile("english|英文|英语|英語");
    private static final Pattern CHINESE = Pattern.compile("chinese|mandarin|中文|汉语|漢語|华语|華語|普通话|简体|繁体");
    private static final Pattern NEGATED = Pattern.compile(
            "不要|不用|别|不需要|\\b(don'?t|do not|not|no need|never)\\b");
    /** A question about the language rather than a request for one. */
    private static final Pattern QUESTION = Pattern.compile("\\?|？|吗|\\b(is|are|does|do)\\b.*\\b(too|also)\\b");

    private LanguageNamed() {
    }

    static Optional<Language> in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean english = ENGLISH.matcher(lower).find();
        boolean chinese = CHINESE.matcher(lower).find();
        if (english == chinese || NEGATED.matcher(lower).find() || QUESTION.matcher(lower).find()) {
            return Optional.empty();
        }
        return Optional.of(english ? Language.EN : Language.ZH);
    }
}
