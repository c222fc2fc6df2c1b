package dev.esimbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class LastContactTest {

    private static final Duration MEMORY = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final LastContact contact = new LastContact(clock);

    @Test
    void noContactYetIsUp() {
        assertThat(contact.health(MEMORY).build().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aRecentFailureIsDownUntilTheNextSuccess() {
        contact.reached();
        clock.advance(Duration.ofSeconds(10));
        contact.failed("ConnectException");

        assertThat(contact.health(MEMORY).build().getStatus()).isEqualTo(Status.DOWN);
        assertThat(contact.health(MEMORY).build().getDetails()).containsEntry("failure", "ConnectException");

        clock.advance(Duration.ofSeconds(10));
        contact.reached();
        assertThat(contact.health(MEMORY).build().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anOldFailureWithNoContactSinceIsUnknownNotDown() {
        contact.failed("http_503");
        clock.advance(MEMORY.plusSeconds(1));

        assertThat(contact.health(MEMORY).build().getStatus()).isEqualTo(Status.UNKNOWN);
    }
}
