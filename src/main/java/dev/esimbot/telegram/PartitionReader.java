package dev.esimbot.telegram;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The one thread per instance that reads the owned partitions, each in the order its entries were stored, and puts
 * every entry in its chat's lane, while fewer than {@code maxInFlight} are in hand; in each round it also deletes the
 * entries handled since the last, in one round trip.
 */
final class PartitionReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PartitionReader.class);
    private static final int PAGE = 64;
    private static final long IDLE_PARK = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long COALESCE_MILLIS = 2;

    private final UpdateStream stream;
    private final PartitionLeases leases;
    private final InHand hand;
    private final ChatLanes lanes;
    private final EntryHandler handler;
    private final QueueDepths depth;
    private final PartitionBackoff backoff;
    /** Partitions being read, or held by a hand-back: one at a time. */
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    private final Set<Integer> dirty = ConcurrentHashMap.newKeySet();
    /** Partitions found with nothing after the cursor though the stream holds more than is in hand. */
    private final Set<Integer> suspect = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile boolean halted;
    private volatile Thread thread;

    PartitionReader(UpdateStream stream, PartitionLeases leases, InHand hand, ChatLanes lanes, EntryHandler handler,
                    QueueDepths depth, int partitions) {
        this.stream = stream;
        this.leases = leases;
        this.hand = hand;
        this.lanes = lanes;
        this.handler = handler;
        this.depth = depth;
        this.backoff = new PartitionBackoff(partitions);
    }

    /** An update was stored in the partition: look at it now rather than at the next scan. */
    void signal(int partition) {
        dirty.add(partition);
        wake();
    }

    void wake() {
        Thread reader = thread;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }

    /** True when nothing of the partition is in hand or being read; it is then not read until {@link #release}. */
    boolean hold(int partition) {
        if (busy.add(partition) && hand.idle(partition)) {
            return true;
        }
        busy.remove(partition);
        return false;
    }

    void release(int partition) {
        busy.remove(partition);
    }

    /** Ends the loop; {@code crash}: as a killed process, nothing more deleted. */
    void stop(boolean crash) {
        halted |= crash;
        running = false;
        wake();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            coalesce();
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

    /**
     * Woken as each entry finishes: with little room, sleeps a moment (not a park, which the next finish would end) so
     * a round reads a batch rather than one entry; then it reads whatever room there is, so no slot waits longer.
     */
    private void coalesce() {
        int room = hand.room();
        try {
            if (room > 0 && room < Math.min(PAGE, hand.capacity())) {
                TimeUnit.MILLISECONDS.sleep(COALESCE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false; // nothing of ours interrupts the reader: whoever did wants it to end
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
            Optional<InHand.Next> open = hand.next(partition);
            if (open.isEmpty()) {
                return; // closed: read again from the oldest once nothing of it is in hand
            }
            InHand.Next next = open.get();
            List<StreamEntry> read = stream.from(partition, next.from(), count);
            backoff.succeeded(partition);
            if (read.size() == count) {
                dirty.add(partition); // more may be waiting: read on, after the other partitions had their turn
            } else if (read.isEmpty()) {
                foundNothing(partition, next);
            } else {
                suspect.remove(partition);
            }
            for (StreamEntry entry : hand.take(partition, next, read)) {
                if (!lanes.submit(UpdateStream.chatOf(entry), () -> handler.run(partition, entry))) {
                    hand.givenUp(partition, entry.getID()); // stopping
                }
            }
        } catch (JedisException e) {
            long wait = backoff.failed(partition);
            dirty.add(partition);
            log.warn("partition={} not read ({}); tried again in {} ms", partition, e.getClass().getSimpleName(), wait);
        }
    }

    /**
     * Nothing after the cursor: when the stream holds more than is in hand twice running (once may be an entry stored
     * since the read), an entry was passed over, which must never stay unread: read again from the oldest.
     */
    private void foundNothing(int partition, InHand.Next next) {
        long length = stream.length(partition);
        depth.seen(partition, length);
        if (length <= hand.held(partition) || next.from() == null) {
            suspect.remove(partition);
        } else if (suspect.add(partition)) {
            dirty.add(partition); // look once more before reading it all again
        } else {
            suspect.remove(partition);
            log.warn("partition={} holds {} entries, {} in hand, none after the cursor; read again from the oldest",
                    partition, length, hand.held(partition));
            hand.rewind(partition, next);
            dirty.add(partition);
        }
    }

    /**
     * Deletes what was handled since the last round, all partitions in one round trip: under load a round deletes
     * many, at the price that a crash repeats those handled since the last round, which their update_id dedupe ignores.
     */
    void deleteHandled() {
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
}
