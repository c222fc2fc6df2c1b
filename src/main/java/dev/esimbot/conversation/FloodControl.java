package dev.esimbot.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Per-chat flood control: up to {@code messagesPerMinute} in a one-minute window opened by the chat's first message;
 * the first one past it is answered with a polite "slow down" and the chat's inputs are then ignored for the silence.
 * The count lives in the chat's session, read and written under the chat's lock with the rest of the turn: it holds
 * across instances and costs no Redis round trip of its own. Counted as {@code bot.flood{verdict=slowed|silenced}}.
 */
@Component
class FloodControl {

    enum Verdict { ALLOW, SLOW_DOWN, SILENT }

    private static final long WINDOW_MILLIS = 60_000;

    private final LimitsProperties limits;
    private final MeterRegistry meters;
    private final Clock clock;

    FloodControl(LimitsProperties limits, MeterRegistry meters, Clock clock) {
        this.limits = limits;
        this.meters = meters;
        this.clock = clock;
    }

    /** Counts one input of the chat in its context and says whether to read it. */
    Verdict check(ChatContext context) {
        long now = clock.millis();
        Mark mark = Mark.parse(context.floodMark());
        if (now < mark.mutedUntil()) {
            return counted(Verdict.SILENT);
        }
        if (now - mark.windowStart() >= WINDOW_MILLIS || mark.mutedUntil() > 0) {
            mark = new Mark(now, 0, 0);
        }
        if (mark.count() >= limits.messagesPerMinute()) {
            context.floodMark(new Mark(now, 0, now + limits.silence().toMillis()).encode());
            return counted(Verdict.SLOW_DOWN);
        }
        context.floodMark(new Mark(mark.windowStart(), mark.count() + 1, 0).encode());
        return Verdict.ALLOW;
    }

    private Verdict counted(Verdict verdict) {
        meters.counter("bot.flood", "verdict", verdict == Verdict.SLOW_DOWN ? "slowed" : "silenced").increment();
        return verdict;
    }

    long silenceSeconds() {
        return limits.silence().toSeconds();
    }

    /** Stored as {@code start:count} while counting and {@code start:0:until} while silenced (epoch ms). */
    private record Mark(long windowStart, int count, long mutedUntil) {

        static Mark parse(String stored) {
            if (stored == null) {
                return new Mark(0, 0, 0);
            }
            try {
                String[] parts = stored.split(":");
                return new Mark(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                        parts.length > 2 ? Long.parseLong(parts[2]) : 0);
            } catch (RuntimeException e) {
                return new Mark(0, 0, 0); // unreadable: count afresh rather than fail the chat
            }
        }

        String encode() {
            return mutedUntil > 0 ? windowStart + ":0:" + mutedUntil : windowStart + ":" + count;
        }
    }
}
