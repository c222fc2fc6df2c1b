package dev.esimbot.telegram;

import dev.esimbot.ops.UpdateHandling.Outcome;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Handles one entry in hand, in its chat's lane: hands it to the sink when this instance may still (its partition's
 * lease runs, nothing of the partition was given up, not stopping), else gives it up, left in the stream. When the
 * sink says to retry (Redis failed under it), the entry stays first in its chat's line and is tried again, backing
 * off; the chat's later entries wait, other chats do not.
 */
final class EntryHandler {

    private static final Logger log = LoggerFactory.getLogger(EntryHandler.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;

    private final PartitionWorkers.Sink sink;
    private final InHand hand;
    private final IntPredicate mayHandle;
    private final Runnable finished;

    /**
     * @param mayHandle whether entries of the partition may be handled now (running, and the lease surely runs)
     * @param finished  told after each entry handled or given up, so the reader can take more
     */
    EntryHandler(PartitionWorkers.Sink sink, InHand hand, IntPredicate mayHandle, Runnable finished) {
        this.sink = sink;
        this.hand = hand;
        this.mayHandle = mayHandle;
        this.finished = finished;
    }

    void run(int partition, StreamEntry entry) {
        StreamEntryID id = entry.getID();
        try {
            attempt(partition, id, entry.getFields().get(UpdateStream.UPDATE));
        } catch (Error e) {
            giveUp(partition, id); // read again, in its chat's order, once its partition reopens
            throw e;
        }
    }

    private void attempt(int partition, StreamEntryID id, String json) {
        for (long wait = FIRST_RETRY_MILLIS; ; wait = Math.min(wait * 2, MAX_RETRY_MILLIS)) {
            if (!mayHandle.test(partition) || hand.closed(partition)) {
                giveUp(partition, id);
                return;
            }
            Outcome outcome = json == null ? Outcome.FAILED : handle(partition, id, json);
            if (Thread.currentThread().isInterrupted()) {
                interrupted(partition, id);
                return;
            }
            if (outcome != Outcome.RETRY) {
                hand.handled(partition, id);
                finished.run();
                return;
            }
            log.warn("partition={} entry={} left queued (handling needs Redis); retried in {} ms", partition, id, wait);
            if (!pause(wait)) {
                interrupted(partition, id);
                return;
            }
        }
    }

    /**
     * A stop past its grace cut the handling short: the entry stays in hand, so its partition is left to lapse rather
     * than handed back while this thread may still be at it. Interrupted otherwise, it is given up and read again.
     */
    private void interrupted(int partition, StreamEntryID id) {
        if (mayHandle.test(partition)) {
            Thread.interrupted();
            giveUp(partition, id);
        }
    }

    private void giveUp(int partition, StreamEntryID id) {
        hand.givenUp(partition, id);
        finished.run();
    }

    /**
     * The sink's outcome; a Redis failure escaping it means retry. Anything else that escapes (reading an odd update,
     * say) would fail the same way every time, so the entry counts as failed and is deleted: left in place, it would
     * stall its chat's later updates for good.
     */
    private Outcome handle(int partition, StreamEntryID id, String json) {
        try {
            return sink.handle(partition, id, json);
        } catch (JedisException e) {
            return Outcome.RETRY;
        } catch (RuntimeException e) {
            log.error("partition={} entry={} failed before its handling began; dropped", partition, id, e);
            return Outcome.FAILED;
        }
    }

    private static boolean pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
