package dev.esimbot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.understanding.Understood.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.yaml.snakeyaml.Yaml;

/**
 * The labelled phrasings (src/test/resources/understanding): what travellers type, in English and Chinese, with the
 * entry each should reach. The bundled knowledge base must get at least 90 % right per language, and no text about
 * paying, refunds or cancelling may reach an action that changes something without a tap.
 */
class LabelledPhrasingsTest {

    private static final double TARGET = 0.90;
    private static Understanding understanding;

    @BeforeAll
    static void loadTheBundledKnowledgeBase() {
        understanding = new Understanding(new UnderstandingProperties("classpath:kb/", 1.8, 0.5, Duration.ofDays(30), 1000),
                new DefaultResourceLoader());
    }

    record Labelled(String expected, String text) {
    }

    @Test
    void englishPhrasingsReachTheRightEntry() throws IOException {
        assertAccuracy("labelled_en.tsv");
    }

    @Test
    void chinesePhrasingsReachTheRightEntry() throws IOException {
        assertAccuracy("labelled_zh.tsv");
    }

    @Test
    void moneyTextsReachOnlyActionsThatShowAScreen() throws IOException {
        List<String> texts = new ArrayList<>(lines("money_texts.txt"));
        for (String file : List.of("labelled_en.tsv", "labelled_zh.tsv")) {
            labelled(file).stream().filter(l -> List.of("refunds", "payment-methods", "payment-failed", "cancel-order")
                    .contains(l.expected())).forEach(l -> texts.add(l.text()));
        }
        assertThat(texts).hasSizeGreaterThan(50);

        List<String> changing = texts.stream()
                .filter(t -> {
                    Understood u = understanding.understand(t);
                    return u.is(Kind.ACTION) && !u.action().nearMoney();
                })
                .toList();

        assertThat(changing).as("money texts that would change something, or ask for a ticket or reminders").isEmpty();
    }

    @Test
    void noLabelledPhrasingIsOneOfTheKnowledgeBasesOwnQuestions() throws IOException {
        for (String language : List.of("en", "zh")) {
            // GIVEN the bundled questions and the labelled phrasings, without case and punctuation
            Set<String> questions = new HashSet<>();
            try (InputStream in = LabelledPhrasingsTest.class.getResourceAsStream("/kb/kb_" + language + ".yaml")) {
                Map<String, Map<String, Object>> entries = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(in)
                        .get("entries");
                entries.values().forEach(e -> ((List<?>) e.getOrDefault("questions", List.of()))
                        .forEach(q -> questions.add(normalised(q.toString()))));
            }

            // WHEN each phrasing is looked up among them
            List<String> same = labelled("labelled_" + language + ".tsv").stream().map(Labelled::text)
                    .filter(text -> questions.contains(normalised(text))).toList();

            // THEN none is there: the accuracy is measured on what travellers type, not on what the index holds
            assertThat(same).as("labelled phrasings equal to a question of kb_%s.yaml", language).isEmpty();
        }
    }

    private static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{P}\\p{S}\\s_]+", " ").strip();
    }

    private static void assertAccuracy(String file) throws IOException {
        List<Labelled> all = labelled(file);
        List<String> wrong = new ArrayList<>();
        for (Labelled l : all) {
            Understood u = understanding.understand(l.text());
            String got = u.is(Kind.NOT_SURE) ? "none" + u.closest() : u.entry();
            if (!got.equals(l.expected()) && !(l.expected().equals("none") && u.is(Kind.NOT_SURE))) {
                wrong.add(l.expected() + " <- '" + l.text() + "' got " + got);
            }
        }
        double accuracy = 1 - (double) wrong.size() / all.size();
        System.out.printf("%s: %d phrasings, %.1f %% right%n  %s%n", file, all.size(), accuracy * 100,
                String.join("\n  ", wrong));
        assertThat(all).hasSizeGreaterThanOrEqualTo(100);
        assertThat(accuracy).as("accuracy on %s; wrong: %s", file, wrong).isGreaterThanOrEqualTo(TARGET);
    }

    private static List<Labelled> labelled(String file) throws IOException {
        return lines(file).stream().map(line -> line.split("\t", 2))
                .map(parts -> new Labelled(parts[0].strip(), parts[1].strip())).toList();
    }

    private static List<String> lines(String file) throws IOException {
        try (InputStream in = LabelledPhrasingsTest.class.getResourceAsStream("/understanding/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
