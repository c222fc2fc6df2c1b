package dev.esimbot.telegram;

import dev.esimbot.ops.UpdateHandling.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Handles the partitions this instance owns. A reader thread takes each partition's entries in the order they were
 * stored and puts each in its chat's lane ({@link ChatLanes}): a chat's updates run strictly in order, one at a time,
 * while different chats, of one partition too, run in parallel, with at most {@code maxInFlight} entries in hand in
 * all. The reader also deletes the handled entries, in one round trip per round; an entry given up stays in the
 * stream for whoever owns its partition next ({@link InHand}). Partitions are the unit of ownership between
 * instances, chats the unit of order.
 */
final class PartitionWorkers {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorkers.class);
    private static final int PAGE = 64;
    private static final long IDLE_PARK = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SCAN_MILLIS = 100;
    /** How long a stop waits for interrupted handling before it hands back the partitions left idle. */
    private static final long INTERRUPTED_WAIT_MILLIS = 2_000;

    /** Handles one stored update: its partition, entry id (unique within the partition only) and Bot API JSON. */
    @FunctionalInterface
    interface Sink {
        Outcome handle(int partition, StreamEntryID id, String json);
    }

    private final UpdateStream stream;
    private final PartitionLeases leases;
    private final UpdatesProperties properties;
    private final ChatLanes lanes;
    private final InHand hand;
    private final EntryHandler handler;
    private final ScheduledExecutorService scheduler;
    private final Thread reader;
    /** Partitions being read, or held by a hand-back: one at a time. */
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    private final Set<Integer> dirty = ConcurrentHashMap.newKeySet();
    private final QueueDepths depth;
    private final PartitionBackoff backoff;
    private final PartitionLeases.Holds holds = new PartitionLeases.Holds() {
        @Override
        public boolean hold(int partition) {
            if (busy.add(partition) && hand.idle(partition)) {
                return true;
            }
            busy.remove(partition);
            return false;
        }

        @Override
        public void release(int partition) {
            busy.remove(partition);
        }

        @Override
        public void lost(int partition) {
            hand.close(partition);
        }
    };
    private volatile boolean running;
    private volatile boolean halted;

    PartitionWorkers(UpdateStream stream, PartitionLeases leases, UpdatesProperties properties, int maxInFlight, Sink sink) {
        this.stream = stream;
        this.leases = leases;
        this.properties = properties;
        int partitions = properties.partitions();
        this.depth = new QueueDepths(stream, partitions);
        this.backoff = new PartitionBackoff(partitions);
        this.hand = new InHand(partitions, maxInFlight);
        this.lanes = new ChatLanes(maxInFlight);
        this.reader = UpdatePipeline.named("partition-reader-").newThread(this::readLoop);
        this.handler = new EntryHandler(sink, hand, partition -> running && leases.owns(partition),
                () -> LockSupport.unpark(reader));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(UpdatePipeline.named("partition-leases-"));
    }

    void start() {
        running = true;
        heartbeat();
        long beat = properties.heartbeat().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(depth::read, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        reader.start();
    }

    /** An update was stored in the partition: look at it now rather than at the next scan. */
    void signal(int partition) {
        dirty.add(partition);
        LockSupport.unpark(reader);
    }

    long depth(int partition) {
        return depth.of(partition);
    }

    long backlog() {
        return depth.backlog();
    }

    /** Updates read and not finished, on this instance. */
    int inFlight() {
        return hand.count();
    }

    boolean owns(int partition) {
        return leases.owns(partition);
    }

    /** Waits until this instance has handled each given entry; false when the wait ran out first. */
    boolean awaitHandled(Map<Integer, List<StreamEntryID>> entries, Duration max) throws InterruptedException {
        return hand.awaitHandled(entries, max);
    }

    private void readLoop() {
        while (running) {
            deleteHandled();
            long now = System.nanoTime();
            for (Integer partition : leases.owned()) {
                if (wanted(partition, now) && busy.add(partition)) {
                    try {
                        read(partition);
                    } finally {
                        busy.remove(partition);
                    }
                }
            }
            LockSupport.parkNanos(IDLE_PARK);
        }
    }

    private boolean wanted(int partition, long now) {
        boolean waiting = dirty.contains(partition) || depth.of(partition) > hand.held(partition);
        return waiting && hand.room() > 0 && hand.open(partition) && backoff.due(partition, now)
                && leases.owns(partition) && !leases.leaving(partition);
    }

    /** Reads the partition's next entries and puts each in its chat's lane, in the order stored. */
    private void read(int partition) {
        int count = Math.min(PAGE, hand.room());
        dirty.remove(partition);
        try {
            InHand.Next next = hand.next(partition);
            List<StreamEntry> read = stream.from(partition, next.from(), count);
            backoff.succeeded(partition);
            if (read.size() == count) {
                dirty.add(partition); // more may be waiting: read on, after the other partitions had their turn
            } else if (read.isEmpty() && hand.idle(partition)) {
                depth.emptied(partition);
            }
            for (StreamEntry entry : hand.take(partition, next, read)) {
                if (!lanes.submit(chatOf(entry), () -> handler.run(partition, entry))) {
                    hand.givenUp(partition, entry.getID()); // stopping
                }
            }
        } catch (JedisException e) {
            long wait = backoff.failed(partition);
            dirty.add(partition);
            log.warn("partition={} not read ({}); tried again in {} ms", partition, e.getClass().getSimpleName(), wait);
        }
    }

    private static long chatOf(StreamEntry entry) {
        try {
            return Long.parseLong(entry.getFields().get(UpdateStream.CHAT));
        } catch (RuntimeException e) {
            return 0; // stored without its chat: one lane for all such entries
        }
    }

    /**
     * Deletes what was handled since the last round, all partitions in one round trip: under load a round deletes
     * many, at the price that a crash repeats those handled since the last round, which their update_id dedupe ignores.
     */
    private void deleteHandled() {
        if (halted) {
            return; // a simulated crash: handled but never deleted
        }
        Map<Integer, List<StreamEntryID>> due = hand.deletable();
        if (due.isEmpty()) {
            return;
        }
        try {
            stream.removeAll(due);
            due.forEach(hand::deleted);
        } catch (JedisException e) {
            due.forEach(hand::notDeleted);
            log.warn("{} partitions' handled updates not deleted yet ({})", due.size(), e.getClass().getSimpleName());
        }
    }

    private void heartbeat() {
        leases.heartbeat(holds);
    }

    /**
     * Stops taking entries, lets the ones being handled finish within the grace period (the others are given up),
     * deletes what was handled, then hands every idle partition back so other instances carry on at once. Entries not
     * finished stay queued and are handled (once) by the next owner.
     */
    void stop(Duration grace) {
        running = false;
        LockSupport.unpark(reader);
        lanes.shutdown();
        try {
            reader.join(INTERRUPTED_WAIT_MILLIS);
            if (!lanes.awaitTermination(grace.toMillis())) {
                log.warn("updates still in hand after {}; they stay queued for the next owner", grace);
                lanes.shutdownNow();
                lanes.awaitTermination(INTERRUPTED_WAIT_MILLIS);
            }
            deleteHandled();
            scheduler.shutdownNow();
            scheduler.awaitTermination(INTERRUPTED_WAIT_MILLIS, TimeUnit.MILLISECONDS); // no heartbeat after the hand-back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.handBackAll(holds);
    }

    /** For tests: dies as a killed process would, leases kept until they lapse, entries in hand not deleted. */
    void halt() {
        halted = true;
        running = false;
        scheduler.shutdownNow();
        lanes.shutdownNow();
    }
}
