package dev.esimbot.conversation;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one user may send, checked before a message is read.
 *
 * @param messagesPerMinute messages (texts, commands, taps) one chat may send per minute ({@code LIMITS_MESSAGES_PER_MINUTE});
 *                          past it the user is asked once to slow down
 * @param silence           how long the bot then ignores the chat ({@code LIMITS_SILENCE})
 * @param maxText           the longest text the bot interprets ({@code LIMITS_MAX_TEXT}); longer gets a clear answer.
 *                          An open support ticket relays any length Telegram allows.
 */
@ConfigurationProperties("limits")
public record LimitsProperties(
        @DefaultValue("30") int messagesPerMinute,
        @DefaultValue("60s") Duration silence,
        @DefaultValue("1000") int maxText) {

    public LimitsProperties {
        if (messagesPerMinute < 1) {
            throw new InvalidSettingException("LIMITS_MESSAGES_PER_MINUTE", "must be at least 1, got " + messagesPerMinute);
        }
        if (silence == null || silence.toMillis() < 1) {
            throw new InvalidSettingException("LIMITS_SILENCE", "must be a positive duration such as 60s, got " + silence);
        }
        if (maxText < 20 || maxText > 4096) {
            throw new InvalidSettingException("LIMITS_MAX_TEXT", "must be between 20 and 4096, got " + maxText);
        }
    }
}
