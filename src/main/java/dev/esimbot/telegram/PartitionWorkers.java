package dev.esimbot.telegram;

import dev.esimbot.ops.UpdateHandling.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Handles the partitions this instance owns: at most one worker per partition, so a chat's updates run strictly in
 * the order they were stored, and at most {@code workers} partitions at once. A worker takes the oldest entries of its
 * partition, hands each to the sink and deletes it only when the sink is done with it; when the sink says to retry
 * (Redis failed under it), the entry stays first in line and the partition waits, backing off, before trying again.
 */
final class PartitionWorkers {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorkers.class);
    private static final int PAGE = 32;
    private static final int PAGES_PER_TURN = 4;
    private static final int DELETE_EVERY = 8;
    private static final long IDLE_PARK = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SCAN_MILLIS = 100;
    /** How long a stop waits for interrupted workers before it hands back the partitions they left. */
    private static final long INTERRUPTED_WAIT_MILLIS = 2_000;

    /** Handles one stored update: its partition, entry id (unique within the partition only) and Bot API JSON. */
    @FunctionalInterface
    interface Sink {
        Outcome handle(int partition, StreamEntryID id, String json);
    }

    private final UpdateStream stream;
    private final PartitionLeases leases;
    private final UpdatesProperties properties;
    private final Sink sink;
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;
    private final Thread dispatcher;
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    private final Set<Integer> dirty = ConcurrentHashMap.newKeySet();
    private final QueueDepths depth;
    private final PartitionBackoff backoff;
    private final Watermarks handled;
    private volatile boolean running;
    private volatile boolean halted;

    PartitionWorkers(UpdateStream stream, PartitionLeases leases, UpdatesProperties properties, int workers, Sink sink) {
        this.stream = stream;
        this.leases = leases;
        this.properties = properties;
        this.sink = sink;
        int partitions = properties.partitions();
        this.depth = new QueueDepths(stream, partitions);
        this.backoff = new PartitionBackoff(partitions);
        this.handled = new Watermarks(partitions);
        this.pool = Executors.newFixedThreadPool(workers, UpdatePipeline.named("partition-worker-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(UpdatePipeline.named("partition-leases-"));
        this.dispatcher = UpdatePipeline.named("partition-dispatch-").newThread(this::dispatchLoop);
    }

    void start() {
        running = true;
        heartbeat();
        scheduler.scheduleWithFixedDelay(this::heartbeat, properties.heartbeat().toMillis(), properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(depth::read, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        dispatcher.start();
    }

    /** An update was stored in the partition: look at it now rather than at the next scan. */
    void signal(int partition) {
        dirty.add(partition);
        LockSupport.unpark(dispatcher);
    }

    long depth(int partition) {
        return depth.of(partition);
    }

    long backlog() {
        return depth.backlog();
    }

    Watermarks handled() {
        return handled;
    }

    boolean owns(int partition) {
        return leases.owns(partition);
    }

    private void dispatchLoop() {
        while (running) {
            long now = System.nanoTime();
            for (Integer partition : leases.owned()) {
                boolean waiting = dirty.contains(partition) || depth.of(partition) > 0;
                if (waiting && backoff.due(partition, now) && leases.owns(partition) && busy.add(partition)) {
                    dirty.remove(partition);
                    dispatch(partition);
                }
            }
            LockSupport.parkNanos(IDLE_PARK);
        }
    }

    private void dispatch(int partition) {
        try {
            pool.execute(() -> drain(partition));
        } catch (RejectedExecutionException stopping) {
            busy.remove(partition);
        }
    }

    private void drain(int partition) {
        try {
            for (int page = 0; page < PAGES_PER_TURN; page++) {
                List<StreamEntry> entries = stream.oldest(partition, PAGE);
                if (entries.isEmpty()) {
                    depth.emptied(partition);
                    return;
                }
                if (!handleAll(partition, entries)) {
                    return;
                }
            }
            dirty.add(partition); // more may be waiting: another turn, after the other partitions had theirs
        } catch (JedisException e) {
            retryLater(partition, e.getClass().getSimpleName());
        } finally {
            busy.remove(partition);
            LockSupport.unpark(dispatcher);
        }
    }

    /**
     * False when the turn ends early: stopping, the lease lapsed, or an entry is to be retried. Handled entries are
     * deleted in groups of {@value #DELETE_EVERY} (and at the end of the turn): one round trip fewer per update, at
     * the price that a crash repeats at most that many handled updates per partition, which their update_id dedupe
     * then ignores.
     */
    private boolean handleAll(int partition, List<StreamEntry> entries) {
        List<StreamEntryID> done = new ArrayList<>(DELETE_EVERY);
        try {
            for (StreamEntry entry : entries) {
                if (!running || !leases.owns(partition)) {
                    return false;
                }
                String json = entry.getFields().get(UpdateStream.UPDATE);
                if (json != null && handle(partition, entry.getID(), json) == Outcome.RETRY) {
                    retryLater(partition, "handling needs Redis");
                    return false;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return false; // a stop past its grace cut the handling short: kept for the next owner
                }
                done.add(entry.getID());
                backoff.succeeded(partition);
                if (done.size() == DELETE_EVERY && !halted) {
                    delete(partition, done);
                }
            }
            return true;
        } finally {
            if (!done.isEmpty() && !halted) { // halted: a simulated crash, handled but never deleted
                delete(partition, done);
            }
        }
    }

    /**
     * The sink's outcome. A Redis failure escaping it goes up, and the partition is retried later; anything else that
     * escapes (reading an odd update, say) would fail the same way every time, so the entry counts as failed and is
     * deleted: left in place, it would stall every chat of its partition behind it.
     */
    private Outcome handle(int partition, StreamEntryID id, String json) {
        try {
            return sink.handle(partition, id, json);
        } catch (JedisException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("partition={} entry={} failed before its handling began; dropped", partition, id, e);
            return Outcome.FAILED;
        }
    }

    private void delete(int partition, List<StreamEntryID> done) {
        stream.remove(partition, done.toArray(StreamEntryID[]::new));
        handled.advance(partition, done.get(done.size() - 1));
        done.clear();
    }

    private void retryLater(int partition, String why) {
        long wait = backoff.failed(partition);
        dirty.add(partition);
        log.warn("partition={} update left queued ({}); retried in {} ms", partition, why, wait);
    }

    private void heartbeat() {
        leases.heartbeat(busy);
    }

    /**
     * Stops taking entries, lets the ones in hand finish within the grace period, then hands every partition back so
     * other instances carry on at once. Entries not finished stay queued and are handled again (once) by the next owner.
     */
    void stop(Duration grace) {
        running = false;
        LockSupport.unpark(dispatcher);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("updates still in hand after {}; they stay queued for the next owner", grace);
                pool.shutdownNow();
                pool.awaitTermination(INTERRUPTED_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
            scheduler.shutdownNow();
            scheduler.awaitTermination(INTERRUPTED_WAIT_MILLIS, TimeUnit.MILLISECONDS); // no heartbeat after the hand-back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.handBackAll(busy);
    }

    /** For tests: dies as a killed process would, leases kept until they lapse, entries in hand not deleted. */
    void halt() {
        halted = true;
        running = false;
        scheduler.shutdownNow();
        pool.shutdownNow();
    }
}
