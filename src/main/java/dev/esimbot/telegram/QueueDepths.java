package dev.esimbot.telegram;

import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The length of every partition's stream as last read (every instance reads all of them, about every 100 ms): the
 * {@code bot.updates.queue} gauge, the backlog that backpressure compares with its bound, and a hint to the
 * dispatcher that a partition has work stored by another instance.
 */
final class QueueDepths {

    private static final Logger log = LoggerFactory.getLogger(QueueDepths.class);

    private final UpdateStream stream;
    private final AtomicLongArray depth;

    QueueDepths(UpdateStream stream, int partitions) {
        this.stream = stream;
        this.depth = new AtomicLongArray(partitions);
    }

    void read() {
        try {
            for (int p = 0; p < depth.length(); p++) {
                depth.set(p, stream.length(p));
            }
        } catch (JedisException e) {
            log.debug("queue depth not read: {}", e.getClass().getSimpleName());
        }
    }

    long of(int partition) {
        return depth.get(partition);
    }

    /** The partition's length as its reader just found it. */
    void seen(int partition, long length) {
        depth.set(partition, length);
    }

    long backlog() {
        long sum = 0;
        for (int p = 0; p < depth.length(); p++) {
            sum += depth.get(p);
        }
        return sum;
    }
}
