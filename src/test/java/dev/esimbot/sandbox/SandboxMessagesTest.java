package dev.esimbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.billing.OrderStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SandboxMessagesTest {

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties english = load("i18n/sandbox_en.properties");
        Properties chinese = load("i18n/sandbox_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(chinese.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    @Test
    void everyOrderStatusHasAResultText() throws IOException {
        Properties english = load("i18n/sandbox_en.properties");

        assertThat(english.stringPropertyNames()).containsAll(Arrays.stream(OrderStatus.values())
                .map(status -> "sandbox.checkout.status." + status).toList());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SandboxMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
