package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import dev.esimbot.understanding.Understood.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Free text to meaning: an action, a knowledge-base article, or "not sure" with the closest articles. The knowledge
 * base is read, checked and indexed once, at start-up. Thread-safe.
 */
@Component
public class Understanding {

    private static final Logger log = LoggerFactory.getLogger(Understanding.class);
    private static final int DOCUMENTS = 40;
    private static final int CLOSEST = 3;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Not a letter, digit or "_" as regex \\w counts them, so "我的peru卡" still names Peru. */
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9_]+");
    /** What a traveller asks is at the start: a long text is searched by its first characters (CPU per text). */
    static final int SEARCHED_CHARS = 300;
    /** A money entry this close to a state-changing action wins over it: the user then taps a button instead. */
    private static final float MONEY_GUARD = 0.5f;

    private final KnowledgeBase kb;
    private final TextIndex index;
    private final double minScore;
    private final double minCoverage;

    public Understanding(UnderstandingProperties settings, ResourceLoader resources) {
        long started = System.nanoTime();
        this.kb = new KnowledgeBaseLoader(resources, settings.folder()).load();
        this.index = new TextIndex(kb);
        this.minScore = settings.minScore();
        this.minCoverage = settings.minCoverage();
        log.info("knowledge base {} loaded: {} entries per language, indexed in {} ms", settings.folder(),
                kb.entries(Language.EN).size(), (System.nanoTime() - started) / 1_000_000);
    }

    public Understood understand(String text) {
        List<TextIndex.Scored> scored = index.search(head(text), DOCUMENTS);
        boolean moneyWords = MoneyWords.in(index.words(text), simplify(text));
        String money = moneyWords ? anyMoney(scored) : money(scored);
        boolean sure = !scored.isEmpty() && scored.get(0).score() >= minScore && scored.get(0).coverage() >= minCoverage;
        KbEntry best = sure ? kb.entry(Language.EN, scored.get(0).entry()) : null;
        boolean ruledOut = best != null && best.isAction() && !money.isEmpty()
                && (best.action().changesState() || moneyWords && !best.action().nearMoney());
        if (ruledOut || moneyWords && best == null && !money.isEmpty()) {
            return new Understood(Kind.ARTICLE, money, null, List.of(), money);
        }
        if (best == null) {
            return notSure(scored, money);
        }
        return best.isAction() ? new Understood(Kind.ACTION, best.id(), best.action(), List.of(), money)
                : new Understood(Kind.ARTICLE, best.id(), null, List.of(), money);
    }

    /** The first {@link #SEARCHED_CHARS} characters, not cutting a character in two. */
    static String head(String text) {
        if (text.length() <= SEARCHED_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SEARCHED_CHARS - 1)) ? SEARCHED_CHARS - 1 : SEARCHED_CHARS;
        return text.substring(0, end);
    }

    /** For a text with a word about money: the closest money entry, else the first one of the knowledge base. */
    private String anyMoney(List<TextIndex.Scored> scored) {
        return scored.stream().map(TextIndex.Scored::entry).filter(id -> kb.entry(Language.EN, id).sensitive())
                .findFirst().orElseGet(() -> kb.entries(Language.EN).values().stream().filter(KbEntry::sensitive)
                        .map(KbEntry::id).findFirst().orElse(""));
    }

    /** The best entry about money that comes within {@link #MONEY_GUARD} of the best one, or empty. */
    private String money(List<TextIndex.Scored> scored) {
        return scored.stream()
                .filter(s -> kb.entry(Language.EN, s.entry()).sensitive())
                .filter(s -> s.score() >= MONEY_GUARD * scored.get(0).score())
                .map(TextIndex.Scored::entry)
                .findFirst().orElse("");
    }

    /** The language the text asks for by name, not negated: empty for none, both, or a question about one. */
    public Optional<Language> languageNamed(String text) {
        return LanguageNamed.in(text);
    }

    /** An article in the language, if the id is one. */
    public Optional<Article> article(String id, Language language) {
        KbEntry entry = kb.entries(language).get(id);
        return entry == null || entry.isAction() ? Optional.empty() : Optional.of(entry.article());
    }

    /**
     * Whether the text names the place or plan ({@code Peru}, {@code Global 30-Day}): its first word, or that
     * place's name in another language from the knowledge base ({@code 秘鲁}).
     */
    public boolean names(String text, String place) {
        if (place == null || place.isBlank()) {
            return false;
        }
        String word = SPACE.split(place.strip())[0].toLowerCase(Locale.ROOT);
        if (word.length() >= 3 && Arrays.asList(NON_WORD.split(text.toLowerCase(Locale.ROOT))).contains(word)) {
            return true;
        }
        String simplified = simplify(text);
        return kb.places().getOrDefault(word, List.of()).stream().anyMatch(simplified::contains);
    }

    private String simplify(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(kb.simplified().getOrDefault((char) c, (char) c)));
        return out.toString();
    }

    private Understood notSure(List<TextIndex.Scored> scored, String money) {
        List<String> closest = scored.stream().map(TextIndex.Scored::entry)
                .filter(id -> !kb.entry(Language.EN, id).isAction())
                .limit(CLOSEST).toList();
        return new Understood(Kind.NOT_SURE, "", null, closest, money);
    }
}
