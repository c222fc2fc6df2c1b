package dev.esimbot.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Durations in nanoseconds, recorded from many threads into a fixed array and read as percentiles. */
final class Latencies {

    private final long[] values;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        values = new long[capacity];
    }

    void add(long nanos) {
        int index = count.getAndIncrement();
        if (index < values.length) {
            values[index] = nanos;
        }
    }

    int count() {
        return Math.min(count.get(), values.length);
    }

    /** Summary in milliseconds; call once recording is over. */
    Summary summary() {
        long[] sorted = Arrays.copyOf(values, count());
        Arrays.sort(sorted);
        return new Summary(sorted.length, at(sorted, 0.50), at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    /** Nearest-rank percentile. */
    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    record Summary(int count, double p50, double p99, double max, double mean) {
    }
}
