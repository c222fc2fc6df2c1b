package dev.esimbot.telegram;

import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;

/**
 * Per partition, the newest entry this instance has handled. Entries of a partition are handled in id order, so an
 * entry at or below the mark is done; long polling waits on it before asking Telegram for more.
 */
final class Watermarks {

    private final StreamEntryID[] marks;

    Watermarks(int partitions) {
        marks = new StreamEntryID[partitions];
    }

    synchronized void advance(int partition, StreamEntryID id) {
        StreamEntryID mark = marks[partition];
        if (mark == null || id.compareTo(mark) > 0) {
            marks[partition] = id;
            notifyAll();
        }
    }

    /** Waits until every given entry is at or below its partition's mark; false when the wait ran out first. */
    synchronized boolean await(Map<Integer, StreamEntryID> newest, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        for (Map.Entry<Integer, StreamEntryID> wanted : newest.entrySet()) {
            while (!reached(wanted.getKey(), wanted.getValue())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    private boolean reached(int partition, StreamEntryID id) {
        StreamEntryID mark = marks[partition];
        return mark != null && mark.compareTo(id) >= 0;
    }
}
