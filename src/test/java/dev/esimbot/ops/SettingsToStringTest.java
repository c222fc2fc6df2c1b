package dev.esimbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.billing.BillingProperties;
import dev.esimbot.session.RedisProperties;
import dev.esimbot.telegram.TelegramProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings records end up in logs and failure reports through toString: none may print a secret. */
class SettingsToStringTest {

    @Test
    void tokensKeysAndRedisPasswordsAreNeverPrinted() {
        var telegram = new TelegramProperties("123456:SECRET-bot-token-abc", "https://api.telegram.org", 8, 256, 3, 50,
                Duration.ofSeconds(10), Duration.ofSeconds(10), "PROVIDER-SECRET", "https://bot.example/telegram/webhook",
                "WEBHOOK-SECRET");
        var billing = new BillingProperties("https://billing.example/v1", "API-KEY-SECRET", "HOOK-SECRET",
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofMinutes(5), 256);
        var redis = new RedisProperties("redis://bot:REDIS-PASSWORD@redis:6379/0", "esimbot", Duration.ofHours(24),
                Duration.ofSeconds(60), Duration.ofSeconds(30));

        String printed = telegram + " " + billing + " " + redis;

        assertThat(printed).doesNotContain("SECRET").doesNotContain("REDIS-PASSWORD").contains("redis:6379");
    }
}
