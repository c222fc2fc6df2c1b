package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoticesPropertiesTest {

    @Test
    void theDefaultsStayUnderTelegramsLimits() {
        NoticesProperties defaults = properties(25, Duration.ofSeconds(1), Duration.ofSeconds(60));

        assertThat(defaults.rate()).isLessThan(30);
        assertThat(defaults.chatGap()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRateAboveTelegramsNamesTheSetting() {
        assertThatThrownBy(() -> properties(31, Duration.ofSeconds(1), Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("NOTICES_RATE"))
                .hasMessage("NOTICES_RATE must be between 1 and 30, got 31");
    }

    @Test
    void aRateOfNothingIsRefused() {
        assertThatThrownBy(() -> properties(0, Duration.ofSeconds(1), Duration.ofSeconds(60)))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void lessThanASecondBetweenTwoMessagesToAChatIsRefused() {
        assertThatThrownBy(() -> properties(25, Duration.ofMillis(500), Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("NOTICES_CHAT_GAP"));
    }

    @Test
    void aMissingClaimTimeIsRefused() {
        assertThatThrownBy(() -> properties(25, Duration.ofSeconds(1), null))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("NOTICES_CLAIM_IDLE"));
    }

    private static NoticesProperties properties(int rate, Duration chatGap, Duration claimIdle) {
        return new NoticesProperties(true, rate, chatGap, 4, 10, claimIdle, Duration.ofSeconds(1), 8, Duration.ofSeconds(1));
    }
}
