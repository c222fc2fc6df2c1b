package dev.esimbot.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.config.InvalidSettingException;
import dev.esimbot.i18n.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** A shop's own knowledge base folder (UNDERSTANDING_KB_PATH): used when valid, refused with one clear line when not. */
class KnowledgeBaseCheckTest {

    private static final String EN = """
            synonyms:
              - sim, esim
            entries:
              hotspot:
                title: Hotspot
                questions: [can i share my internet]
                answer: Yes, turn on Personal Hotspot.
                buttons: [status, human]
              human:
                action: human
                questions: [talk to a person]
            """;
    private static final String ZH = """
            entries:
              hotspot:
                title: 热点
                questions: [可以开热点吗]
                answer: 可以，打开个人热点。
                buttons: [status, human]
              human:
                action: human
                questions: [人工]
            """;

    @TempDir
    Path folder;

    private Understanding load() {
        return new Understanding(new UnderstandingProperties("file:" + folder + "/", 0.1, 0.5, Duration.ofDays(1), 10),
                new DefaultResourceLoader());
    }

    private void write(String en, String zh) throws IOException {
        Files.writeString(folder.resolve("kb_en.yaml"), en, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("kb_zh.yaml"), zh, StandardCharsets.UTF_8);
    }

    @Test
    void aShopsOwnFolderIsUsedWithoutABuild() throws IOException {
        // GIVEN a folder with a knowledge base of its own (and no traditional map: the bundled one is used)
        write(EN, ZH);

        // WHEN the bot starts with it
        Understanding understanding = load();

        // THEN its articles answer, in both languages, traditional characters included
        assertThat(understanding.understand("can I share internet with my laptop").entry()).isEqualTo("hotspot");
        assertThat(understanding.understand("可以開熱點嗎").entry()).isEqualTo("hotspot");
        assertThat(understanding.article("hotspot", Language.ZH).orElseThrow().text()).isEqualTo("可以，打开个人热点。");
    }

    @Test
    void anArticleMissingFromOneLanguageStopsStartUpNamingIt() throws IOException {
        // GIVEN the Chinese file without the hotspot article
        write(EN, ZH.replace("hotspot:", "tethering:"));

        // WHEN / THEN start-up stops with one line naming the setting, the entry and the file
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("UNDERSTANDING_KB_PATH knowledge base in file:")
                .hasMessageContaining("entry 'tethering' is in kb_zh.yaml but not in kb_en.yaml")
                .hasMessageContaining("more problems");
    }

    @Test
    void anUnknownButtonStopsStartUp() throws IOException {
        // GIVEN a button that does not exist, in both files
        write(EN.replace("[status, human]", "[status, refund-now]"), ZH.replace("[status, human]", "[status, refund-now]"));

        // WHEN / THEN
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("entry 'hotspot' has an unknown button 'refund-now'");
    }

    @Test
    void entriesThatDifferInShapeBetweenLanguagesStopStartUp() throws IOException {
        // GIVEN the Chinese article with other buttons than the English one
        write(EN, ZH.replace("[status, human]", "[human]"));

        // WHEN / THEN
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("entry 'hotspot' differs between kb_en.yaml");
    }

    @Test
    void aMissingFileOrBrokenYamlStopsStartUp() throws IOException {
        // GIVEN no Chinese file, then a broken one
        Files.writeString(folder.resolve("kb_en.yaml"), EN, StandardCharsets.UTF_8);
        assertThatThrownBy(this::load).hasMessageContaining("kb_zh.yaml cannot be read");
        Files.writeString(folder.resolve("kb_zh.yaml"), "entries: [unclosed", StandardCharsets.UTF_8);

        // WHEN / THEN
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class).hasMessageContaining("is not valid YAML");
    }

    @Test
    void aDuplicateEntryIdStopsStartUpWithItsLine() throws IOException {
        // GIVEN the English file with the human entry twice
        write(EN + """
                  human:
                    action: human
                    questions: [agent]
                """, ZH);

        // WHEN / THEN start-up stops, naming the key and where it is
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("kb_en.yaml is not valid YAML").hasMessageContaining("duplicate key human")
                .hasMessageContaining("line 12, column 3").hasMessageNotContaining("\n");
    }

    @Test
    void aMistypedFieldStopsStartUp() throws IOException {
        // GIVEN 'sensitve: true' in both files
        write(EN.replace("buttons: [status, human]", "buttons: [status, human]\n    sensitve: true"),
                ZH.replace("buttons: [status, human]", "buttons: [status, human]\n    sensitve: true"));

        // WHEN / THEN
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("entry 'hotspot' has an unknown field 'sensitve'");
    }

    @Test
    void buttonsThatAreNotAListStopStartUp() throws IOException {
        // GIVEN buttons written as one string
        write(EN.replace("[status, human]", "status, human"), ZH.replace("[status, human]", "status, human"));

        // WHEN / THEN
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("entry 'hotspot': 'buttons' is not a list");
    }

    @Test
    void aQuestionWithNoWordToMatchStopsStartUp() throws IOException {
        // GIVEN a question of stop words and punctuation only
        write(EN.replace("[can i share my internet]", "[can i share my internet, \"is it ?\"]"), ZH);

        // WHEN / THEN
        assertThatThrownBy(this::load).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("the question 'is it ?' has no word to match");
    }

    @Test
    void answerHtmlTelegramWouldRejectStopsStartUp() throws IOException {
        for (String answer : List.of("Tap Settings & Cellular.", "Line one<br>line two.", "<p>Yes</p>",
                "<a target=\"x\" href=\"https://e.com\">here</a>")) {
            // GIVEN an answer with a bare '&', a <br>, a <p> or an attribute Telegram refuses
            write(EN.replace("Yes, turn on Personal Hotspot.", "'" + answer + "'"), ZH);

            // WHEN / THEN start-up stops naming the entry
            assertThatThrownBy(this::load).as(answer).isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("kb_en.yaml: entry 'hotspot': the answer has");
        }
        // and Telegram's own tags and entities are fine
        write(EN.replace("Yes, turn on Personal Hotspot.",
                "'<b>Yes</b> &amp; <i>now</i>: <a href=\"https://e.com\">here</a>, <code>apn</code> &lt;3'"), ZH);
        assertThat(load().article("hotspot", Language.EN)).isPresent();
    }
}
