package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a held expiry notice still says something true. */
class NoticeKindTest {

    private static final Instant END = Instant.parse("2026-12-10T18:00:00Z");

    @Test
    void aHeldThreeDayNoticeStillFitsWhileTheEsimHasMoreThanADayLeft() {
        assertThat(NoticeKind.passed(id("expires-3d"), END.minus(Duration.ofHours(30)))).isFalse();
    }

    @Test
    void aHeldThreeDayNoticeHasPassedOnceTheEsimEndsWithinADayOrHasEnded() {
        assertThat(NoticeKind.passed(id("expires-3d"), END.minus(Duration.ofHours(20)))).isTrue();
        assertThat(NoticeKind.passed(id("expires-1d"), END.plus(Duration.ofHours(1)))).isTrue();
        assertThat(NoticeKind.passed(id("expired-today"), END.plus(Duration.ofHours(25)))).isTrue();
        assertThat(NoticeKind.passed(id("expired-today"), END.plus(Duration.ofHours(5)))).isFalse();
    }

    @Test
    void lowDataNoticesAnnouncementsAndOddIdsNeverPass() {
        Instant late = END.plus(Duration.ofDays(30));
        assertThat(NoticeKind.passed(id("low-data"), late)).isFalse();
        assertThat(NoticeKind.passed("ann-7-900001", late)).isFalse();
        assertThat(NoticeKind.passed("exp-abc-notanumber-expires-3d", late)).isFalse();
    }

    private static String id(String kind) {
        return "exp-3f9a0c1d2e4b5a6c7d8e-" + END.getEpochSecond() + "-" + kind;
    }
}
