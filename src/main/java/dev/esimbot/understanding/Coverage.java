package dev.esimbot.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * How much of a knowledge-base question one text covers: the words of the question found in the text (or its
 * synonyms, or within one or two typing errors), weighted by how rare each word is in the index. BM25 alone ranks
 * well but says little about whether anything matched that matters: "my phone gets hot with the esim" shares
 * "phone" and "esim" with an install question and still is not about installing.
 */
final class Coverage {

    private final IndexReader reader;
    private final Set<String> words = new HashSet<>();
    private final Set<String> stems;
    private final Map<String, Double> idfs = new HashMap<>();
    /** Per question word: whether the text has it within a typing error or two (asked once per word, not per hit). */
    private final Map<String, Boolean> nearly = new HashMap<>();

    Coverage(IndexReader reader, String text, Analyzer englishQuery, Analyzer chineseQuery, Analyzer englishIndex) {
        this.reader = reader;
        words.addAll(TextIndex.terms(englishQuery, text));
        words.addAll(TextIndex.terms(chineseQuery, text));
        this.stems = TextIndex.terms(englishIndex, text);
    }

    /** 0 (nothing of the question) to 1 (all of it); 0 for a document that is not a question. */
    float of(Set<String> question) {
        double all = 0;
        double found = 0;
        for (String word : question) {
            double weight = idf(word);
            all += weight;
            if (words.contains(word) || nearly.computeIfAbsent(word, this::nearlyTyped)) {
                found += weight;
            }
        }
        return all == 0 ? 0 : (float) (found / all);
    }

    private boolean nearlyTyped(String word) {
        if (word.length() < 4 || word.chars().anyMatch(c -> c >= 0x80)) {
            return false;
        }
        int edits = word.length() >= 8 ? 2 : 1;
        return stems.stream().anyMatch(stem -> stem.length() >= 4 && within(word, stem, edits));
    }

    /** Levenshtein distance at most {@code edits}, stopping as soon as a row exceeds it (words are short). */
    static boolean within(String a, String b, int edits) {
        if (Math.abs(a.length() - b.length()) > edits) {
            return false;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > edits) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= edits;
    }

    private double idf(String word) {
        return idfs.computeIfAbsent(word, this::readIdf);
    }

    private double readIdf(String word) {
        try {
            int n = reader.numDocs();
            int df = reader.docFreq(new Term(TextIndex.EN, word)) + reader.docFreq(new Term(TextIndex.ZH, word));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
