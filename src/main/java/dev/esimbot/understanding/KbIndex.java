package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The knowledge base written into an in-memory Lucene index (BM25): one document per example question (English ones
 * also as written, for misspellings), and one per article's title and answer; each with its entry id and a number
 * that finds the question's words as indexed.
 */
final class KbIndex {

    private static final String ENTRY = "entry";
    private static final String NUMBER = "n";

    /** Per document (by its number): the question's words as indexed; an article's body has none. */
    private final List<Set<String>> questionTerms = new ArrayList<>();
    private final Analyzer englishIndex;
    private final Analyzer chineseIndex;
    private final IndexSearcher searcher;

    KbIndex(KnowledgeBase kb, Analyzer perField, Analyzer englishIndex, Analyzer chineseIndex) {
        this.englishIndex = englishIndex;
        this.chineseIndex = chineseIndex;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField).setSimilarity(new BM25Similarity()))) {
            for (Language language : Language.values()) {
                for (KbEntry entry : kb.entries(language).values()) {
                    write(writer, language, entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = open(directory);
    }

    IndexSearcher searcher() {
        return searcher;
    }

    static String entry(Document doc) {
        return doc.get(ENTRY);
    }

    Set<String> questionTerms(Document doc) {
        return questionTerms.get(doc.getField(NUMBER).numericValue().intValue());
    }

    private void write(IndexWriter writer, Language language, KbEntry entry) throws IOException {
        String field = language == Language.ZH ? TextIndex.ZH : TextIndex.EN;
        for (String question : entry.questions()) {
            Document doc = document(entry.id(), field, question);
            questionTerms.add(TextIndex.terms(language == Language.ZH ? chineseIndex : englishIndex, question));
            if (language == Language.EN) {
                doc.add(new TextField(TextIndex.EN_RAW, question, Field.Store.NO));
            }
            writer.addDocument(doc);
        }
        if (!entry.isAction()) {
            String body = language == Language.ZH ? TextIndex.ZH_BODY : TextIndex.EN_BODY;
            writer.addDocument(document(entry.id(), body, entry.title() + "\n" + entry.answer()));
            questionTerms.add(Set.of());
        }
    }

    private Document document(String entry, String field, String text) {
        Document doc = new Document();
        doc.add(new StoredField(ENTRY, entry));
        doc.add(new StoredField(NUMBER, questionTerms.size()));
        doc.add(new TextField(field, text, Field.Store.NO));
        return doc;
    }

    private static IndexSearcher open(ByteBuffersDirectory directory) {
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            return searcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
