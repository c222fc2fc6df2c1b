package dev.esimbot.understanding;

import dev.esimbot.config.InvalidSettingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains. English: standard tokens, lower case, stop words, Porter stems. Chinese: traditional
 * characters mapped to simplified, SmartCN words (English words inside stay whole and are stemmed too), stop words.
 * Queries add the knowledge base's synonyms (a graph, so phrases work) after the stop words; the index does not.
 */
final class Analyzers {

    /** Kept out of the words: negations stay ("no internet"), question words mostly go. */
    private static final CharArraySet ENGLISH_STOP = new CharArraySet(List.of("a", "an", "and", "are", "as", "at", "be",
            "but", "by", "for", "if", "in", "into", "is", "it", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "with", "i", "im", "i'm", "me", "my", "you", "your", "we",
            "our", "do", "does", "did", "can", "could", "would", "should", "please", "hi", "hello", "hey", "thanks",
            "thank", "am", "have", "has", "had", "just", "so", "its", "it's", "again", "still", "also", "very", "really",
            "pls", "plz", "u", "ur", "been", "being", "some", "any", "about", "from", "here", "now", "there", "will",
            "what", "how", "why", "which", "who", "one", "all", "up", "out", "get", "got", "know", "tell", "want", "need",
            "like", "yes", "ok", "okay", "guys", "sir", "madam", "b", "where", "much", "many"), true);

    private static final CharArraySet CHINESE_STOP = stopChinese();

    private Analyzers() {
    }

    static Analyzer english(SynonymMap synonyms) {
        return chain(null, false, synonyms, true);
    }

    static Analyzer chinese(Map<Character, Character> simplified, SynonymMap synonyms) {
        return chain(charMap(simplified), true, synonyms, true);
    }

    /** Synonym lines in Solr's format, each read with the chain up to the synonyms (stems excepted); null for none. */
    static SynonymMap synonyms(List<String> lines, Analyzer plain, String file) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
        try {
            parser.parse(new StringReader(String.join("\n", lines)));
            SynonymMap map = parser.build();
            return map.fst == null ? null : map; // no synonyms at all
        } catch (ParseException | IOException | IllegalArgumentException e) {
            throw new InvalidSettingException(KnowledgeBaseLoader.SETTING, "synonyms in " + file + " cannot be read: "
                    + e.getMessage());
        }
    }

    /** The English chain without synonyms and stems: to read synonym lines with, and words as written. */
    static Analyzer plainEnglish() {
        return chain(null, false, null, false);
    }

    static Analyzer plainChinese(Map<Character, Character> simplified) {
        return chain(charMap(simplified), true, null, false);
    }

    private static Analyzer chain(NormalizeCharMap map, boolean chinese, SynonymMap synonyms, boolean stem) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return map == null ? reader : new MappingCharFilter(map, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokens = chinese ? new HMMChineseTokenizer() : new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(chinese ? tokens : new EnglishPossessiveFilter(tokens));
                stream = new ClosedGaps(new StopFilter(stream, chinese ? CHINESE_STOP : ENGLISH_STOP));
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokens, stem ? new PorterStemFilter(stream) : stream);
            }
        };
    }

    private static NormalizeCharMap charMap(Map<Character, Character> simplified) {
        if (simplified.isEmpty()) {
            return null;
        }
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        simplified.forEach((from, to) -> builder.add(String.valueOf(from), String.valueOf(to)));
        return builder.build();
    }

    private static CharArraySet stopChinese() {
        CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
        stop.addAll(List.of("我", "的", "了", "吗", "呢", "吧", "啊", "呀", "你", "你们", "您", "是", "在", "请", "请问",
                "一下", "想", "这个", "那个", "就", "也", "还是", "和", "跟", "把", "被", "给", "让", "么", "嗯", "哦",
                "好", "谢谢", "你好", "您好", "hi", "hello", "the", "a", "is", "to", "my", "i", "can", "do"));
        stop.addAll(ENGLISH_STOP);
        return stop;
    }
}
