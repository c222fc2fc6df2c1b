package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * The knowledge base in an in-memory Lucene index (BM25): one document per example question, and one per article's
 * title and answer, in the field of its language. A text is searched in both fields, each with its own analyzer, so
 * Chinese with English words in it finds both. An entry scores as its best document.
 */
final class TextIndex {

    /**
     * @param score    BM25, the best document of the entry
     * @param coverage the share (weighted by rarity) of that entry's best-covered question found in the text
     */
    record Scored(String entry, float score, float coverage) {
    }

    static final String EN = "en";
    static final String ZH = "zh";
    static final String EN_BODY = "en_body";
    static final String ZH_BODY = "zh_body";
    /** English questions as written (no stems), for the misspelling queries. */
    static final String EN_RAW = "en_raw";
    /** An article's own wording counts less than a question a traveller would ask. */
    private static final float BODY_WEIGHT = 0.35f;
    private static final float FUZZY_WEIGHT = 0.6f;
    private static final int FUZZY_FROM = 4;
    /** Fuzzy queries cost most: at most this many words are looked for as misspellings. */
    private static final int MAX_FUZZY = 6;
    private static final int MAX_CLAUSES = 64;
    /** What a traveller asks is at the start: a long text is searched by its first words (CPU per text). */
    private static final int SEARCHED_WORDS = 40;

    private final Analyzer englishIndex = Analyzers.english(null);
    private final Analyzer englishRaw = Analyzers.plainEnglish();
    private final Analyzer englishQuery;
    private final Analyzer chineseQuery;
    private final IndexSearcher searcher;
    private final KbIndex index;
    private final Misspellings misspellings;

    TextIndex(KnowledgeBase kb) {
        Analyzer chineseIndex = Analyzers.chinese(kb.simplified(), null);
        this.englishQuery = Analyzers.english(Analyzers.synonyms(kb.synonyms().get(Language.EN), Analyzers.plainEnglish(), "kb_en.yaml"));
        this.chineseQuery = Analyzers.chinese(kb.simplified(),
                Analyzers.synonyms(kb.synonyms().get(Language.ZH), Analyzers.plainChinese(kb.simplified()), "kb_zh.yaml"));
        Map<String, Analyzer> perField = Map.of(EN, englishIndex, EN_BODY, englishIndex, EN_RAW, englishRaw,
                ZH, chineseIndex, ZH_BODY, chineseIndex);
        this.index = new KbIndex(kb, new PerFieldAnalyzerWrapper(englishIndex, perField), englishIndex, chineseIndex);
        this.searcher = index.searcher();
        this.misspellings = new Misspellings(searcher.getIndexReader(), EN_RAW);
    }

    /** The entries the text is closest to, best first, with their scores (empty when nothing matches at all). */
    List<Scored> search(String whole, int documents) {
        String text = head(whole);
        Query query = query(text);
        if (query == null) {
            return List.of();
        }
        try {
            Coverage coverage = new Coverage(searcher.getIndexReader(), text, englishQuery, chineseQuery, englishIndex);
            Map<String, Float> best = new HashMap<>();
            Map<String, Float> covered = new HashMap<>();
            for (ScoreDoc hit : searcher.search(query, documents).scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                String entry = KbIndex.entry(doc);
                best.merge(entry, hit.score, Math::max);
                covered.merge(entry, coverage.of(index.questionTerms(doc)), Math::max);
            }
            List<Scored> scored = new ArrayList<>();
            best.forEach((entry, score) -> scored.add(new Scored(entry, score, covered.get(entry))));
            scored.sort(Comparator.comparingDouble(Scored::score).reversed());
            return scored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text up to its {@link #SEARCHED_WORDS}th word that is not a stop word (a Chinese character counts as one). */
    private String head(String text) {
        try (TokenStream stream = englishRaw.tokenStream(EN, text)) {
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int words = 0;
            int end = text.length();
            while (stream.incrementToken()) {
                if (++words == SEARCHED_WORDS) {
                    end = offset.endOffset();
                    break;
                }
            }
            stream.end();
            return text.substring(0, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text's words as written (lower case, no stems), as the misspelling queries see them. */
    Set<String> words(String text) {
        return terms(englishRaw, text);
    }

    private Query query(String text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = add(all, new OncePerSynonymGroup(englishQuery), EN, text, 1f)
                + add(all, new OncePerSynonymGroup(chineseQuery), ZH, text, 1f)
                + add(all, new OncePerSynonymGroup(englishQuery), EN_BODY, text, BODY_WEIGHT)
                + add(all, new OncePerSynonymGroup(chineseQuery), ZH_BODY, text, BODY_WEIGHT);
        int fuzzy = 0;
        for (String term : terms(englishRaw, text)) {
            if (term.length() < FUZZY_FROM || clauses >= MAX_CLAUSES || term.chars().anyMatch(c -> c >= 0x80)) {
                continue;
            }
            // Words as written count a little on their own; only a word no question has is looked for as a misspelling.
            boolean misspelt = !misspellings.known(term);
            if (misspelt && fuzzy++ >= MAX_FUZZY) {
                continue;
            }
            all.add(new BoostQuery(misspelt ? nearly(term) : new TermQuery(new Term(EN_RAW, term)), FUZZY_WEIGHT), Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : all.build();
    }

    /** The question words a misspelt word may be, any of them. */
    private Query nearly(String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        misspellings.near(word).forEach(near -> any.add(new TermQuery(new Term(EN_RAW, near)), Occur.SHOULD));
        return any.build();
    }

    private static int add(BooleanQuery.Builder all, QueryBuilder builder, String field, String text, float weight) {
        Query query = builder.createBooleanQuery(field, text, Occur.SHOULD);
        if (query == null) {
            return 0;
        }
        all.add(weight == 1f ? query : new BoostQuery(query, weight), Occur.SHOULD);
        return 1;
    }

    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(EN, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
