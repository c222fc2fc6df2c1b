package dev.esimbot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.billing.EsimStatus;
import dev.esimbot.billing.OrderStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text exists in every language: a key missing in one file fails here, not in front of a user. */
class MessagesTest {

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        for (String basename : MessagesConfig.BASENAMES) {
            Set<String> english = keys(basename + "_en.properties");
            Set<String> chinese = keys(basename + "_zh_CN.properties");
            assertThat(chinese).as("keys of %s in zh_CN vs en", basename).isEqualTo(english);
            assertThat(english).as(basename).isNotEmpty();
        }
    }

    @Test
    void everyStateAndStatusHasItsText() throws IOException {
        Set<String> english = keys("i18n/messages_en.properties");
        Arrays.stream(EsimStatus.values()).forEach(s -> assertThat(english).contains("status." + s.name()));
        Arrays.stream(OrderStatus.values()).forEach(s -> assertThat(english).contains("order." + s.name()));
        Arrays.stream(Language.values()).forEach(l -> assertThat(english).contains("language." + l.name()));
        // The conversation's states are checked beside them: dev.esimbot.conversation.StateTextsTest
    }

    @Test
    void everyTextIsAValidMessageFormat() throws IOException {
        for (String basename : MessagesConfig.BASENAMES) {
            for (String suffix : new String[] {"_en", "_zh_CN"}) {
                Properties properties = load(basename + suffix + ".properties");
                properties.stringPropertyNames().forEach(key ->
                        assertThat(new java.text.MessageFormat(properties.getProperty(key)).toPattern()).as(key).isNotNull());
            }
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
