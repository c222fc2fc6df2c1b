package dev.esimbot.announce;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of announcements. Checked here so a bad value stops start-up with one line naming the variable.
 *
 * @param adminToken        bearer token of {@code /admin/**} ({@code ADMIN_TOKEN}); blank: the admin API answers 404
 * @param adminIds          Telegram user ids allowed to {@code /announce} in the staff group ({@code BOT_ADMIN_IDS},
 *                          comma-separated); blank: nobody
 * @param progressEvery     how often the staff group's progress message is edited and stalled fan-outs resumed
 * @param page              audience members read at once by the fan-out
 * @param lease             how long a fan-out holds its announcement before another instance may take it over
 * @param rememberFor       how long each announcement notice id is remembered (a repeat refused)
 * @param keepFor           how long an announcement's state and counts stay readable
 * @param stallAfter        a sending announcement with no outcome for this long is checked against the notices' states
 * @param adminPerMinute    admin API requests one client may make in a minute
 */
@ConfigurationProperties("announce")
public record AnnounceProperties(String adminToken, String adminIds, @DefaultValue("3s") Duration progressEvery,
                                 @DefaultValue("500") int page, @DefaultValue("30s") Duration lease,
                                 @DefaultValue("7d") Duration rememberFor, @DefaultValue("30d") Duration keepFor,
                                 @DefaultValue("60s") Duration stallAfter, @DefaultValue("30") int adminPerMinute) {

    static final int MIN_TOKEN_LENGTH = 16;

    public AnnounceProperties {
        adminToken = adminToken == null ? "" : adminToken.strip();
        adminIds = adminIds == null ? "" : adminIds.strip();
        if (!adminToken.isEmpty() && adminToken.length() < MIN_TOKEN_LENGTH) {
            throw new InvalidSettingException("ADMIN_TOKEN", "must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
        if (!adminIds.isEmpty() && !adminIds.matches("\\s*\\d{1,15}\\s*(,\\s*\\d{1,15}\\s*)*")) {
            throw new InvalidSettingException("BOT_ADMIN_IDS", "must be Telegram user ids separated by commas, such as 12345,67890");
        }
        if (page < 1 || page > 10_000) {
            throw new InvalidSettingException("ANNOUNCE_PAGE", "must be between 1 and 10000, got " + page);
        }
        if (adminPerMinute < 1) {
            throw new InvalidSettingException("ANNOUNCE_ADMIN_PER_MINUTE", "must be positive, got " + adminPerMinute);
        }
        requirePositive("ANNOUNCE_PROGRESS_EVERY", progressEvery);
        requirePositive("ANNOUNCE_LEASE", lease);
        requirePositive("ANNOUNCE_REMEMBER_FOR", rememberFor);
        requirePositive("ANNOUNCE_KEEP_FOR", keepFor);
        requirePositive("ANNOUNCE_STALL_AFTER", stallAfter);
    }

    private static void requirePositive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(setting, "must be a positive duration such as 30s, got " + value);
        }
    }

    boolean apiEnabled() {
        return !adminToken.isEmpty();
    }

    Set<Long> admins() {
        if (adminIds.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(adminIds.split(",")).map(String::strip).map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
