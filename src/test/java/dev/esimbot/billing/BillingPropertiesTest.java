package dev.esimbot.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BillingPropertiesTest {

    @Test
    void blankUrlSwitchesTheSandboxOnWithDefaultSecrets() {
        BillingProperties properties = properties(" ", null, "");

        assertThat(properties.sandboxEnabled()).isTrue();
        assertThat(properties.apiKey()).isEqualTo("sandbox");
        assertThat(properties.webhookSecret()).isEqualTo("sandbox-webhook-secret");
    }

    @Test
    void realUrlNeedsNoSandboxAndLosesItsTrailingSlash() {
        BillingProperties properties = properties("https://billing.example/api/", "key", "secret");

        assertThat(properties.sandboxEnabled()).isFalse();
        assertThat(properties.apiUrl()).isEqualTo("https://billing.example/api");
    }

    @Test
    void relativeUrlNamesTheSetting() {
        assertThatThrownBy(() -> properties("billing.example", "key", "secret"))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        ex -> assertThat(ex.setting()).isEqualTo("BILLING_API_URL"))
                .hasMessageContaining("must be an absolute http(s) URL, got 'billing.example'");
    }

    @Test
    void nonHttpUrlIsRefused() {
        assertThatThrownBy(() -> properties("ftp://billing.example", "key", "secret"))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void realUrlRequiresTheKey() {
        assertThatThrownBy(() -> properties("https://billing.example", " ", "secret"))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        ex -> assertThat(ex.setting()).isEqualTo("BILLING_API_KEY"));
    }

    @Test
    void realUrlRequiresTheWebhookSecret() {
        assertThatThrownBy(() -> properties("https://billing.example", "key", null))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        ex -> assertThat(ex.setting()).isEqualTo("BILLING_WEBHOOK_SECRET"));
    }

    @Test
    void textFormNeverShowsSecrets() {
        assertThat(properties("https://billing.example", "the-key", "the-secret").toString())
                .doesNotContain("the-key").doesNotContain("the-secret");
    }

    private static BillingProperties properties(String url, String key, String secret) {
        Duration second = Duration.ofSeconds(1);
        return new BillingProperties(url, key, secret, second, second, 3, second, second, Duration.ofMinutes(5), 256);
    }
}
