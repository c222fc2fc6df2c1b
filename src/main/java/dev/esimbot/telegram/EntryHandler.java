package dev.esimbot.telegram;

import dev.esimbot.ops.UpdateHandling.Outcome;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Handles one entry in hand, in its chat's lane: hands it to the sink when this instance may still (its partition's
 * lease runs, nothing of the partition was given up, not stopping), else gives it up, left in the stream. When the
 * sink says to retry (Redis failed under it), or an Error escapes it, the entry stays first in its chat's line and is
 * tried again, backing off; the chat's later entries wait, other chats do not. One that throws an Error every time is
 * dropped after {@link #MAX_ERRORS} tries, counted as failed, so it never stalls its chat or closes its partition.
 */
final class EntryHandler {

    private static final Logger log = LoggerFactory.getLogger(EntryHandler.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    /** Errors escaping one entry's handling before it is dropped: with the back-off, about 1.5 s of retries. */
    static final int MAX_ERRORS = 5;

    private final EntrySink sink;
    private final InHand hand;
    private final IntPredicate mayHandle;
    private final Runnable finished;

    /**
     * @param mayHandle whether entries of the partition may be handled now (running, and the lease surely runs)
     * @param finished  told after each entry handled or given up, so the reader can take more
     */
    EntryHandler(EntrySink sink, InHand hand, IntPredicate mayHandle, Runnable finished) {
        this.sink = sink;
        this.hand = hand;
        this.mayHandle = mayHandle;
        this.finished = finished;
    }

    void run(int partition, StreamEntry entry) {
        StreamEntryID id = entry.getID();
        String json = entry.getFields().get(UpdateStream.UPDATE);
        AtomicInteger errors = new AtomicInteger();
        for (long wait = FIRST_RETRY_MILLIS; ; wait = Math.min(wait * 2, MAX_RETRY_MILLIS)) {
            if (!mayHandle.test(partition) || hand.closed(partition)) {
                giveUp(partition, id);
                return;
            }
            Outcome outcome = json == null ? Outcome.FAILED : handle(partition, entry, json, errors);
            if (outcome != Outcome.RETRY) { // done, even if interrupted meanwhile: given up, it would be repeated
                hand.handled(partition, id);
                finished.run();
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                interrupted(partition, id);
                return;
            }
            log.warn("partition={} entry={} left queued (handling needs Redis, or threw {} times); retried in {} ms",
                    partition, id, errors.get(), wait);
            if (!pause(wait)) {
                interrupted(partition, id);
                return;
            }
        }
    }

    /**
     * An Error escaped the handling {@link #MAX_ERRORS} times running: it would every time, so the entry counts as
     * failed and is deleted, as one that throws anything else is; kept, it would stall its chat's later updates.
     */
    private static Outcome dropAfterErrors(StreamEntry entry, Error e) {
        String updateId = Optional.ofNullable(entry.getFields().get(UpdateStream.UPDATE)).flatMap(BotApiJson::read)
                .map(update -> Integer.toString(update.getUpdateId())).orElse("-");
        log.error("chat={} update={} entry={} failed {} times in a row; dropped", entry.getFields().get(UpdateStream.CHAT),
                updateId, entry.getID(), MAX_ERRORS, e);
        return Outcome.FAILED;
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
     * The sink's outcome; a Redis failure escaping it means retry, so does an Error, up to {@link #MAX_ERRORS} times.
     * Anything else that escapes (reading an odd update, say) would fail the same way every time, so the entry counts
     * as failed and is deleted: left in place, it would stall its chat's later updates for good.
     */
    private Outcome handle(int partition, StreamEntry entry, String json, AtomicInteger errors) {
        try {
            return sink.handle(partition, entry.getID(), json);
        } catch (JedisException e) {
            return Outcome.RETRY;
        } catch (RuntimeException e) {
            log.error("partition={} entry={} failed before its handling began; dropped", partition, entry.getID(), e);
            return Outcome.FAILED;
        } catch (Error e) {
            log.warn("partition={} entry={} handling threw {}", partition, entry.getID(), e.getClass().getSimpleName());
            return errors.incrementAndGet() < MAX_ERRORS ? Outcome.RETRY : dropAfterErrors(entry, e);
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
