package dev.esimbot.notices;

import dev.esimbot.config.InvalidSettingException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * Settings of the expiry scan: what it looks for, when, and when notices wait. The sender's settings are
 * {@link NoticesProperties}; both read {@code NOTICES_*} variables, split because the sender's record is built by hand
 * in the queue's tests.
 *
 * @param scanCron       when the scan runs ({@code NOTICES_SCAN_CRON}, Spring cron with seconds; {@code -} turns it off)
 * @param scanPage       eSIMs asked of billing per page ({@code NOTICES_SCAN_PAGE}, 1-500): the most held in memory
 * @param kinds          the notice kinds sent ({@code NOTICES_KINDS}, comma-separated codes of {@link NoticeKind};
 *                       blank: none)
 * @param lowDataPercent data left, in percent of the plan, at or under which the low-data notice goes
 *                       ({@code NOTICES_LOW_DATA_PERCENT}, 1-50)
 * @param quietHours     when notices wait until morning ({@code NOTICES_QUIET_HOURS}, {@code HH:MM-HH:MM}; blank: never)
 * @param zone           the time zone of the quiet hours ({@code NOTICES_ZONE})
 * @param ticketRecheck  how often a notice held for an open support ticket looks again ({@code NOTICES_TICKET_RECHECK})
 * @param releaseEvery   how often held notices that are due are released ({@code NOTICES_RELEASE_EVERY})
 */
@ConfigurationProperties("notices")
public record NoticeScanProperties(
        @DefaultValue("0 */15 * * * *") String scanCron,
        @DefaultValue("200") int scanPage,
        @DefaultValue("expires-3d,expires-1d,expired-today,low-data") String kinds,
        @DefaultValue("10") int lowDataPercent,
        @DefaultValue("22:00-08:00") String quietHours,
        @DefaultValue("UTC") String zone,
        @DefaultValue("10m") Duration ticketRecheck,
        @DefaultValue("60s") Duration releaseEvery) {

    public NoticeScanProperties {
        requireCron(scanCron);
        if (scanPage < 1 || scanPage > 500) {
            throw new InvalidSettingException("NOTICES_SCAN_PAGE", "must be between 1 and 500, got " + scanPage);
        }
        if (lowDataPercent < 1 || lowDataPercent > 50) {
            throw new InvalidSettingException("NOTICES_LOW_DATA_PERCENT", "must be between 1 and 50, got " + lowDataPercent);
        }
        kinds = kinds == null ? "" : kinds.strip();
        enabledKinds(kinds);
        zoneId(zone);
        QuietHours.parse(quietHours == null ? "" : quietHours, zoneId(zone));
        requirePositive("NOTICES_TICKET_RECHECK", ticketRecheck);
        requirePositive("NOTICES_RELEASE_EVERY", releaseEvery);
    }

    public Set<NoticeKind> enabled() {
        return enabledKinds(kinds);
    }

    QuietHours quiet() {
        return QuietHours.parse(quietHours == null ? "" : quietHours, zoneId(zone));
    }

    private static Set<NoticeKind> enabledKinds(String kinds) {
        Set<NoticeKind> enabled = EnumSet.noneOf(NoticeKind.class);
        for (String code : kinds.split(",")) {
            if (!code.isBlank()) {
                enabled.add(NoticeKind.ofCode(code).orElseThrow(() -> new InvalidSettingException("NOTICES_KINDS",
                        "must list expires-3d, expires-1d, expired-today or low-data, got " + code.strip())));
            }
        }
        return enabled;
    }

    private static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSettingException("NOTICES_ZONE", "must be a time zone such as UTC or Asia/Shanghai, got " + zone);
        }
    }

    private static void requireCron(String cron) {
        if (cron == null || !cron.strip().equals(Scheduled.CRON_DISABLED) && !CronExpression.isValidExpression(cron.strip())) {
            throw new InvalidSettingException("NOTICES_SCAN_CRON",
                    "must be a cron expression with seconds such as 0 */15 * * * *, or - for off, got " + cron);
        }
    }

    private static void requirePositive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(setting, "must be a positive duration, got " + value);
        }
    }
}
