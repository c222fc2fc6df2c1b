package dev.esimbot.notices;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notice sender. Checked here so a bad value stops start-up with one line naming the variable.
 *
 * @param enabled      whether this instance sends queued notices ({@code NOTICES_ENABLED}); any instance may enqueue
 * @param rate         messages a second for all instances together ({@code NOTICES_RATE}, 1-30): Telegram allows about
 *                     30 a second per bot, and the default 25 leaves room for the replies of live conversations
 * @param chatGap      the least time between two notices to one chat ({@code NOTICES_CHAT_GAP}; Telegram: 1 a second).
 *                     The default keeps 100 ms to spare: the gap is booked when a send starts, and a first message
 *                     that reaches Telegram a few ms late makes an exact 1 s gap a 429 that pauses every sender
 *                     (measured: docs/benchmark.md, "Notices: send rate")
 * @param workers      sending threads per instance ({@code NOTICES_WORKERS}); a send waits for Telegram's answer,
 *                     so the rate needs about rate x round trip of them
 * @param batch        queue entries one worker takes at a time ({@code NOTICES_BATCH})
 * @param claimIdle    how long an entry must lie untouched before another instance takes it over from a dead one
 *                     ({@code NOTICES_CLAIM_IDLE}); keep it well above Telegram's send timeout
 * @param idlePoll     how often an idle worker looks at the queue ({@code NOTICES_IDLE_POLL})
 * @param sendAttempts tries of one notice when Telegram cannot be reached or fails ({@code NOTICES_SEND_ATTEMPTS})
 * @param retryBackoff the first wait after such a failure; it doubles with each try, up to a minute
 *                     ({@code NOTICES_RETRY_BACKOFF})
 */
@ConfigurationProperties("notices")
public record NoticesProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("25") int rate,
        @DefaultValue("1100ms") Duration chatGap,
        @DefaultValue("4") int workers,
        @DefaultValue("10") int batch,
        @DefaultValue("60s") Duration claimIdle,
        @DefaultValue("1s") Duration idlePoll,
        @DefaultValue("8") int sendAttempts,
        @DefaultValue("1s") Duration retryBackoff) {

    public NoticesProperties {
        requireBetween("NOTICES_RATE", rate, 1, 30);
        requireBetween("NOTICES_WORKERS", workers, 1, 32);
        requireBetween("NOTICES_BATCH", batch, 1, 100);
        requireBetween("NOTICES_SEND_ATTEMPTS", sendAttempts, 1, 50);
        requireAtLeast("NOTICES_CHAT_GAP", chatGap, Duration.ofSeconds(1));
        requireAtLeast("NOTICES_CLAIM_IDLE", claimIdle, Duration.ofSeconds(1));
        requireAtLeast("NOTICES_IDLE_POLL", idlePoll, Duration.ofMillis(10));
        requireAtLeast("NOTICES_RETRY_BACKOFF", retryBackoff, Duration.ofMillis(1));
    }

    private static void requireBetween(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(setting, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void requireAtLeast(String setting, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0) {
            throw new InvalidSettingException(setting, "must be a duration of at least " + min.toMillis() + "ms, got " + value);
        }
    }
}
