package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The scan's settings fail with the variable's name; the kinds' windows and the quiet hours, by the clock. */
class NoticeScanPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void eachKindCanBeSwitchedOffAndAnUnknownOneStopsStartUp() {
        assertThat(settings("expires-1d, low-data", "22:00-08:00").enabled())
                .containsExactlyInAnyOrder(NoticeKind.EXPIRES_1D, NoticeKind.LOW_DATA);
        assertThat(settings("", "22:00-08:00").enabled()).isEmpty();
        assertThatThrownBy(() -> settings("expires-2d", "22:00-08:00")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("NOTICES_KINDS").hasMessageContaining("expires-2d");
    }

    @Test
    void badQuietHoursOrZoneStopStartUpNamingTheVariable() {
        assertThatThrownBy(() -> settings("low-data", "10pm-8am")).hasMessageContaining("NOTICES_QUIET_HOURS");
        assertThatThrownBy(() -> new NoticeScanProperties("every 15 minutes", 200, "", 10, "", "UTC",
                Duration.ofMinutes(10), Duration.ofMinutes(1))).hasMessageContaining("NOTICES_SCAN_CRON");
        assertThatThrownBy(() -> new NoticeScanProperties("-", 200, "", 10, "", "Mars/Olympus", Duration.ofMinutes(10),
                Duration.ofMinutes(1))).hasMessageContaining("NOTICES_ZONE");
    }

    @Test
    void quietHoursAcrossMidnightHoldUntilTheirEndInTheirZone() {
        QuietHours quiet = QuietHours.parse("22:00-08:00", ZoneId.of("Asia/Shanghai"));

        assertThat(quiet.endOf(Instant.parse("2026-11-22T15:00:00Z"))).as("23:00 in Shanghai")
                .contains(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(quiet.endOf(Instant.parse("2026-11-22T23:30:00Z"))).as("07:30 in Shanghai")
                .contains(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(quiet.endOf(Instant.parse("2026-11-22T02:00:00Z"))).as("10:00 in Shanghai").isEmpty();
        assertThat(QuietHours.parse("", ZoneId.of("UTC")).endOf(NOW)).as("none set").isEmpty();
    }

    @Test
    void theExpiryWindowsTouchSoEveryEndPassesThroughEachOnce() {
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ofDays(3).plusMinutes(1)), NOW)).isEmpty();
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ofDays(3)), NOW)).contains(NoticeKind.EXPIRES_3D);
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ofDays(1).plusSeconds(1)), NOW)).contains(NoticeKind.EXPIRES_3D);
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ofDays(1)), NOW)).contains(NoticeKind.EXPIRES_1D);
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ofSeconds(1)), NOW)).contains(NoticeKind.EXPIRES_1D);
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ZERO), NOW)).contains(NoticeKind.EXPIRED_TODAY);
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ofHours(-23)), NOW)).contains(NoticeKind.EXPIRED_TODAY);
        assertThat(NoticeKind.forExpiry(endingIn(Duration.ofDays(-1)), NOW)).isEmpty();
    }

    private static NoticeScanProperties settings(String kinds, String quietHours) {
        return new NoticeScanProperties("0 */15 * * * *", 200, kinds, 10, quietHours, "UTC", Duration.ofMinutes(10),
                Duration.ofMinutes(1));
    }

    private static Esim endingIn(Duration left) {
        return new Esim("8985200000000000011", "Peru", "Peru", EsimStatus.ACTIVE, 300, 3072, NOW.plus(left), false);
    }
}
