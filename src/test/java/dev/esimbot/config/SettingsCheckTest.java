package dev.esimbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Every bad setting is reported at once, one line each, before anything starts. */
class SettingsCheckTest {

    @Test
    void everyBadSettingGetsALineOfItsOwn() {
        StandardEnvironment environment = environment(Map.of(
                "billing.api-url", "https://billing.example/v1",
                "redis.url", "http://not-redis:6379",
                "notices.rate", "500",
                "limits.silence", "soon",
                "LOG_FORMAT", "xml"));

        assertThatThrownBy(() -> new SettingsCheck().postProcessEnvironment(environment, null))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    FailureAnalysis analysis = new InvalidSettingsFailureAnalyzer().analyze(e, e);
                    assertThat(analysis.getDescription().lines())
                            .anyMatch(line -> line.startsWith("Invalid configuration: BILLING_API_KEY is required"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: BILLING_WEBHOOK_SECRET is required"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: REDIS_URL must look like"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: NOTICES_RATE must be between"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: LIMITS_SILENCE has a value"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: LOG_FORMAT must be"))
                            .noneMatch(line -> line.contains("Exception"));
                });
    }

    @Test
    void webhookModeWithoutASecretOrWithBadQueueOrConcurrencySettingsStopsStartUpWithALineEach() {
        StandardEnvironment environment = environment(Map.of(
                "telegram.bot-token", "123456:TEST-token-for-the-fake-bot-api",
                "telegram.webhook-url", "https://bot.example/telegram/webhook",
                "updates.partitions", "0",
                "updates.shutdown-grace", "5m",
                "telegram.max-in-flight", "0",
                "billing.max-concurrent", "100000"));

        assertThatThrownBy(() -> new SettingsCheck().postProcessEnvironment(environment, null))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    FailureAnalysis analysis = new InvalidSettingsFailureAnalyzer().analyze(e, e);
                    assertThat(analysis.getDescription().lines())
                            .anyMatch(line -> line.startsWith("Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: UPDATES_PARTITIONS must be 1 to 1024"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: SHUTDOWN_GRACE must be"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: TELEGRAM_MAX_IN_FLIGHT must be 1 to 4096"))
                            .anyMatch(line -> line.startsWith("Invalid configuration: BILLING_MAX_CONCURRENT must be between 1 and 4096"))
                            .noneMatch(line -> line.contains("Exception"));
                });
    }

    @Test
    void aWebhookSecretTelegramWouldRefuseIsNamed() {
        StandardEnvironment environment = environment(Map.of(
                "telegram.bot-token", "123456:TEST-token-for-the-fake-bot-api",
                "telegram.webhook-url", "https://bot.example/telegram/webhook",
                "telegram.webhook-secret", "has spaces and ümlauts"));

        assertThatThrownBy(() -> new SettingsCheck().postProcessEnvironment(environment, null))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.getMessage())
                        .contains("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters").doesNotContain("ümlauts"));
    }

    @Test
    void logFormatJsonTurnsOnBootsStructuredEcsLogs() {
        StandardEnvironment environment = environment(Map.of("LOG_FORMAT", "json"));

        new SettingsCheck().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void defaultsPass() {
        StandardEnvironment environment = environment(Map.of());

        new SettingsCheck().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
