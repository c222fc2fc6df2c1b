package dev.esimbot.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.config.InvalidSettingException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingHours weekdays = WorkingHours.parse("MON-FRI 09:00-18:00", SHANGHAI);

    @Test
    void duringHoursAgentsAreThere() {
        // Wednesday 2026-11-25 10:00 in Shanghai
        assertThat(weekdays.nextOpening(Instant.parse("2026-11-25T02:00:00Z"))).isEmpty();
    }

    @Test
    void afterHoursTheNextOpeningIsTheNextWorkingMorning() {
        // Wednesday 20:00 -> Thursday 09:00; Friday 19:00 -> Monday 09:00 (Shanghai)
        assertThat(weekdays.nextOpening(Instant.parse("2026-11-25T12:00:00Z")).orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(weekdays.nextOpening(Instant.parse("2026-11-27T11:00:00Z")).orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Test
    void earlyOnAWorkingDayItOpensTheSameMorning() {
        // Thursday 07:30 Shanghai -> 09:00 the same day
        assertThat(weekdays.nextOpening(Instant.parse("2026-11-25T23:30:00Z")).orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
    }

    @Test
    void blankMeansAlwaysAndBadTextNamesTheSetting() {
        assertThat(WorkingHours.parse("", SHANGHAI).nextOpening(Instant.parse("2026-11-29T20:00:00Z"))).isEmpty();
        assertThat(WorkingHours.parse("09:00-21:00", SHANGHAI).nextOpening(Instant.parse("2026-11-29T02:00:00Z"))).isEmpty();
        assertThatThrownBy(() -> WorkingHours.parse("9 to 5", SHANGHAI))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("SUPPORT_HOURS");
        assertThatThrownBy(() -> WorkingHours.parse("18:00-09:00", SHANGHAI))
                .isInstanceOf(InvalidSettingException.class);
    }
}
