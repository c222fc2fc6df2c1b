package dev.esimbot.telegram;

import dev.esimbot.ops.LastContact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * {@code /actuator/health} component "telegram": the last Bot API call the bot made. Only when the bot has been quiet
 * for {@link #QUIET} does a probe ask {@code getMe}, at most once per {@link #QUIET}, so probes never flood Telegram.
 */
@Component("telegramHealthIndicator") // "telegram" in /actuator/health
class TelegramHealth implements HealthIndicator {

    static final Duration QUIET = Duration.ofMinutes(1);

    private final LastContact contact;
    private final TelegramClient client;
    private final TelegramProperties properties;
    private final Clock clock;
    private volatile Instant lastAsked = Instant.MIN;

    TelegramHealth(TelegramClient client, TelegramProperties properties, Clock clock) {
        this.contact = new LastContact(clock);
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where the Bot API callers report what happened to each call. */
    LastContact contact() {
        return contact;
    }

    @Override
    public Health health() {
        if (properties.localMode()) {
            return Health.up().withDetail("mode", "local").build();
        }
        Instant now = clock.instant();
        Instant reached = contact.lastReached();
        boolean quiet = reached == null || reached.isBefore(now.minus(QUIET));
        if (quiet && lastAsked.isBefore(now.minus(QUIET))) {
            lastAsked = now;
            askGetMe();
        }
        return contact.health(QUIET.multipliedBy(2)).withDetail("mode", "bot-api").build();
    }

    private void askGetMe() {
        try {
            client.execute(new GetMe());
            contact.reached();
        } catch (TelegramApiRequestException e) {
            contact.failed("http_" + e.getErrorCode()); // 401: the token was revoked
        } catch (TelegramApiException e) {
            contact.failed(e.getClass().getSimpleName());
        }
    }
}
