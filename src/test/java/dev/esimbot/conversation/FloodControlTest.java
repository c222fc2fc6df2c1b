package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.conversation.FloodControl.Verdict;
import dev.esimbot.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloodControlTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FloodControl flood = new FloodControl(new LimitsProperties(3, Duration.ofSeconds(30), 1000), meters, clock);

    private List<Verdict> inputs(ChatContext context, int count) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            verdicts.add(flood.check(context));
        }
        return verdicts;
    }

    @Test
    void theFirstInputPastTheLimitIsToldToSlowDownAndTheNextAreIgnoredUntilTheSilenceLapses() {
        ChatContext context = new ChatContext(Map.of());

        assertThat(inputs(context, 6)).containsExactly(Verdict.ALLOW, Verdict.ALLOW, Verdict.ALLOW, Verdict.SLOW_DOWN,
                Verdict.SILENT, Verdict.SILENT);
        clock.advance(Duration.ofSeconds(31));
        assertThat(inputs(context, 4)).containsExactly(Verdict.ALLOW, Verdict.ALLOW, Verdict.ALLOW, Verdict.SLOW_DOWN);
        assertThat(meters.counter("bot.flood", "verdict", "slowed").count()).isEqualTo(2);
        assertThat(meters.counter("bot.flood", "verdict", "silenced").count()).isEqualTo(2);
    }

    @Test
    void theCountStartsAgainAMinuteAfterTheWindowOpened() {
        ChatContext context = new ChatContext(Map.of());
        inputs(context, 3);

        clock.advance(Duration.ofSeconds(59));
        assertThat(flood.check(context)).as("still the same minute").isEqualTo(Verdict.SLOW_DOWN);
        ChatContext later = new ChatContext(Map.of());
        inputs(later, 3);
        clock.advance(Duration.ofSeconds(60));
        assertThat(inputs(later, 3)).as("a new minute").containsOnly(Verdict.ALLOW);
    }

    @Test
    void anUnreadableCountIsStartedAfreshNotFailed() {
        ChatContext context = new ChatContext(Map.of("f", "garbage"));

        assertThat(flood.check(context)).isEqualTo(Verdict.ALLOW);
        assertThat(context.floodMark()).endsWith(":1");
    }
}
