package dev.esimbot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;

/**
 * What a client last heard from a remote service: the last answer (any HTTP status counts: the service was reached)
 * and the last failure to reach it. Health probes read it instead of calling the service on every probe.
 */
public final class LastContact {

    private record State(Instant reached, Instant failed, String failure) {
    }

    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(new State(null, null, null));

    public LastContact(Clock clock) {
        this.clock = clock;
    }

    public void reached() {
        Instant now = clock.instant();
        state.updateAndGet(s -> new State(now, s.failed(), s.failure()));
    }

    /** @param reason an exception class or a status, never a message that could hold a token or a URL's secrets */
    public void failed(String reason) {
        Instant now = clock.instant();
        state.updateAndGet(s -> new State(s.reached(), now, reason));
    }

    /** Whether the most recent contact failed (no contact yet is not a failure). */
    public boolean failing() {
        State s = state.get();
        return s.failed() != null && (s.reached() == null || s.failed().isAfter(s.reached()));
    }

    /** The last successful contact, or null. */
    public Instant lastReached() {
        return state.get().reached();
    }

    /**
     * UP unless the most recent contact failed; a failure older than {@code memory} with no contact since is UNKNOWN
     * rather than DOWN, so a quiet bot is not reported down for hours after one blip. Details say when each happened.
     */
    public Health.Builder health(Duration memory) {
        State s = state.get();
        Health.Builder health = Health.up();
        if (failing()) {
            health = s.failed().isBefore(clock.instant().minus(memory)) ? Health.unknown() : Health.down();
        }
        if (s.reached() != null) {
            health.withDetail("lastReached", s.reached().toString());
        }
        if (s.failed() != null) {
            health.withDetail("lastFailure", s.failed().toString()).withDetail("failure", s.failure());
        }
        return health;
    }
}
