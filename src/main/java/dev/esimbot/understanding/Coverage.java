package dev.esimbot.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

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
            if (words.contains(word) || nearlyTyped(word)) {
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
        var automaton = new LevenshteinAutomata(word, false).toAutomaton(edits);
        return stems.stream().anyMatch(stem -> stem.length() >= 4
                && org.apache.lucene.util.automaton.Operations.run(automaton, stem));
    }

    private double idf(String word) {
        try {
            int n = reader.numDocs();
            int df = reader.docFreq(new Term(TextIndex.EN, word)) + reader.docFreq(new Term(TextIndex.ZH, word));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
