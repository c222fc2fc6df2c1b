package dev.esimbot.telegram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/** Per partition: after a failure, how long to wait before its next turn (doubling from 100 ms up to 5 s). */
final class PartitionBackoff {

    private static final long FIRST_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;

    private final AtomicLongArray notBefore;
    private final AtomicLongArray waitMillis;

    PartitionBackoff(int partitions) {
        notBefore = new AtomicLongArray(partitions);
        waitMillis = new AtomicLongArray(partitions);
    }

    /** Returns the wait now set for the partition. */
    long failed(int partition) {
        long wait = Math.min(Math.max(waitMillis.get(partition) * 2, FIRST_MILLIS), MAX_MILLIS);
        waitMillis.set(partition, wait);
        notBefore.set(partition, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait));
        return wait;
    }

    void succeeded(int partition) {
        waitMillis.set(partition, 0);
    }

    boolean due(int partition, long nowNanos) {
        return notBefore.get(partition) - nowNanos <= 0;
    }
}
