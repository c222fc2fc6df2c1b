package dev.esimbot.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words the questions are written with, for typing errors: a word no question has is matched to those within one
 * edit (two from eight letters). The vocabulary is a few hundred words, so a bounded edit distance over it is cheaper
 * than Lucene's fuzzy automata, which cost milliseconds per word on long texts of non-words.
 */
final class Misspellings {

    private static final int LONG_WORD = 8;
    private static final int MAX_NEAR = 3;

    private final List<String> vocabulary = new ArrayList<>();
    private final Set<String> known = new HashSet<>();

    Misspellings(IndexReader reader, String field) {
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    vocabulary.add(term.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        known.addAll(vocabulary);
    }

    boolean known(String word) {
        return known.contains(word);
    }

    /** The question words this one may be a typing error of, at most three. */
    List<String> near(String word) {
        int edits = word.length() >= LONG_WORD ? 2 : 1;
        return vocabulary.stream().filter(v -> v.charAt(0) == word.charAt(0) && Coverage.within(word, v, edits))
                .limit(MAX_NEAR).toList();
    }
}
