package dev.esimbot.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Injected failures and delays, each used up by exactly one call of its method. */
final class Faults {

    private final Map<String, Queue<ApiReply>> failures = new ConcurrentHashMap<>();
    private final Map<String, Queue<Duration>> delays = new ConcurrentHashMap<>();

    void failNext(String method, ApiReply reply) {
        queue(failures, method).add(reply);
    }

    void delayNext(String method, Duration delay) {
        queue(delays, method).add(delay);
    }

    Optional<ApiReply> takeFailure(String method) {
        return Optional.ofNullable(queue(failures, method).poll());
    }

    Duration takeDelay(String method) {
        Duration delay = queue(delays, method).poll();
        return delay == null ? Duration.ZERO : delay;
    }

    /** Method names are case-insensitive in the Bot API, so faults are too. */
    private static <T> Queue<T> queue(Map<String, Queue<T>> byMethod, String method) {
        return byMethod.computeIfAbsent(method.toLowerCase(Locale.ROOT), key -> new ConcurrentLinkedQueue<>());
    }
}
