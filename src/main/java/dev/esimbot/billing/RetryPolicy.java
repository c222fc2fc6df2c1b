package dev.esimbot.billing;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter; a 429/503 {@code Retry-After} (seconds) wins, capped at a maximum. */
final class RetryPolicy {

    private final int maxAttempts;
    private final Duration baseBackoff;
    private final Duration maxRetryAfter;

    RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxRetryAfter) {
        this.maxAttempts = maxAttempts;
        this.baseBackoff = baseBackoff;
        this.maxRetryAfter = maxRetryAfter;
    }

    boolean hasAttemptAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** Delay before the attempt after {@code attempt}: base * 2^(attempt-1), jittered into its upper half. */
    Duration backoff(int attempt) {
        long full = baseBackoff.toMillis() << Math.min(attempt - 1, 16);
        long jittered = full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, maxRetryAfter.toMillis()));
    }

    Duration delayAfter(int attempt, HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .flatMap(RetryPolicy::seconds)
                .map(wait -> wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait)
                .orElseGet(() -> backoff(attempt));
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException ex) {
            return Optional.empty(); // an HTTP-date: fall back to our own backoff
        }
    }
}
