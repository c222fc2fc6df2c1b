package dev.esimbot.reliability;

import dev.esimbot.testing.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a failover cost one user: when the answer came, and how long they had been told the bot is unavailable. */
record Outage(long answeredAfterMs, int unavailableMessages, long toldUnavailableForMs) {

    static Outage of(Instant killedAt, List<Call> calls, Call answer) {
        List<Call> unavailable = calls.stream()
                .filter(c -> c.text() != null && c.text().contains(DistributedRedisScenarios.UNAVAILABLE)).toList();
        long answered = Duration.between(killedAt, answer.at()).toMillis();
        long told = unavailable.isEmpty() ? 0 : Duration.between(unavailable.get(0).at(), answer.at()).toMillis();
        return new Outage(answered, unavailable.size(), told);
    }

    @Override
    public String toString() {
        return "answered " + answeredAfterMs + " ms after the kill; " + unavailableMessages
                + " 'temporarily unavailable' message(s), told " + toldUnavailableForMs + " ms before the answer";
    }
}
