package dev.esimbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;

/**
 * Handles the partitions this instance owns. A reader ({@link PartitionReader}) takes each partition's entries in the
 * order they were stored and puts each in its chat's lane ({@link ChatLanes}): a chat's updates run strictly in order,
 * one at a time, while different chats, of one partition too, run in parallel, with at most {@code maxInFlight}
 * entries in hand in all. An entry is deleted once handled; one given up stays in the stream for whoever owns its
 * partition next ({@link InHand}). Partitions are the unit of ownership between instances, chats the unit of order.
 */
final class PartitionWorkers {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorkers.class);
    private static final long SCAN_MILLIS = 100;
    /** How long a stop waits for interrupted handling before it hands back the partitions left idle. */
    private static final long INTERRUPTED_WAIT_MILLIS = 2_000;
    /** What a stop may take beyond its grace: the interrupted handling's wait, the reader and the heartbeat ending. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(3);

    private final PartitionLeases leases;
    private final UpdatesProperties properties;
    private final ChatLanes lanes;
    private final InHand hand;
    /** The lease heartbeat alone on its thread: no depth read (16 XLEN every 100 ms) can delay a renewal. */
    private final ScheduledExecutorService heartbeats;
    private final ScheduledExecutorService depthReads;
    private final PartitionReader reader;
    private final Thread readerThread;
    private final QueueDepths depth;
    private final PartitionLeases.Holds holds = new PartitionLeases.Holds() {
        @Override
        public boolean hold(int partition) {
            return reader.hold(partition);
        }

        @Override
        public void release(int partition) {
            reader.release(partition);
        }

        @Override
        public void lost(int partition) {
            hand.close(partition);
        }
    };
    private volatile boolean running;

    PartitionWorkers(UpdateStream stream, PartitionLeases leases, UpdatesProperties properties, int maxInFlight, EntrySink sink) {
        this.leases = leases;
        this.properties = properties;
        int partitions = properties.partitions();
        this.depth = new QueueDepths(stream, partitions);
        this.hand = new InHand(partitions, maxInFlight);
        this.lanes = new ChatLanes(maxInFlight);
        EntryHandler handler = new EntryHandler(sink, hand, partition -> running && leases.owns(partition), this::wakeReader);
        this.reader = new PartitionReader(stream, leases, hand, lanes, handler, depth, partitions);
        this.readerThread = UpdatePipeline.named("partition-reader-").newThread(reader);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(UpdatePipeline.named("partition-leases-"));
        this.depthReads = Executors.newSingleThreadScheduledExecutor(UpdatePipeline.named("queue-depths-"));
    }

    void start() {
        running = true;
        heartbeat();
        long beat = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        depthReads.scheduleWithFixedDelay(depth::read, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
        readerThread.start();
    }

    /** An update was stored in the partition: look at it now rather than at the next scan. */
    void signal(int partition) {
        reader.signal(partition);
    }

    private void wakeReader() {
        reader.wake();
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

    /** Whether this instance has handled each given entry of the partition (read it, and deleted it). */
    boolean handledHere(int partition, List<StreamEntryID> ids) {
        return hand.handled(partition, ids);
    }

    private void heartbeat() {
        leases.heartbeat(holds);
    }

    /**
     * Stops taking entries, lets the ones being handled finish within the grace period (the others are given up),
     * deletes what was handled, then hands every idle partition back so other instances carry on at once. Entries not
     * finished stay queued and are handled (once) by the next owner. Every wait is taken from one deadline, so the
     * whole stop lasts at most the grace plus {@link #STOP_MARGIN} (and the final delete's and hand-back's round trips).
     */
    void stop(Duration grace) {
        long graceEnds = System.nanoTime() + grace.toNanos();
        long ends = graceEnds + STOP_MARGIN.toNanos();
        running = false;
        reader.stop(false);
        lanes.shutdown();
        try {
            readerThread.join(millisTo(ends));
            if (!lanes.awaitTermination(millisTo(graceEnds))) {
                log.warn("updates still in hand after {}; they stay queued for the next owner", grace);
                lanes.shutdownNow();
                lanes.awaitTermination(Math.min(INTERRUPTED_WAIT_MILLIS, millisTo(ends)));
            }
            reader.deleteHandled(); // handled entries out of the stream, so the next owner does not repeat them
            depthReads.shutdownNow();
            heartbeats.shutdownNow();
            heartbeats.awaitTermination(millisTo(ends), TimeUnit.MILLISECONDS); // no heartbeat after the hand-back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.handBackAll(holds);
    }

    /** Milliseconds left until the instant (of System.nanoTime), at least 1: 0 would mean "wait for ever" to join. */
    private static long millisTo(long instant) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(instant - System.nanoTime()));
    }

    /** For tests: dies as a killed process would, leases kept until they lapse, entries in hand not deleted. */
    void halt() {
        running = false;
        reader.stop(true);
        heartbeats.shutdownNow();
        depthReads.shutdownNow();
        lanes.shutdownNow();
    }
}
