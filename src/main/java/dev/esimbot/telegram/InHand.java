package dev.esimbot.telegram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Per partition of this instance: how far its stream has been read, and the entries read and not finished ("in
 * hand": waiting behind their chat, being handled, or handled and waiting to be deleted), at most
 * {@code maxInFlight} in all. An entry leaves the stream only once handled; one given up (the lease was lost, or the
 * app stops) stays there, and its partition is closed: no more reading, every later entry of it given up too, until
 * nothing of it is in hand. Then the partition reopens, read again from its oldest entry, so what was given up is
 * handled (in its chat's order) by whoever owns the partition then.
 */
final class InHand {

    private final int maxInFlight;
    private final Partition[] partitions;
    private int total;

    private static final class Partition {
        /** The newest entry read; null: read from the oldest. */
        StreamEntryID cursor;
        final Set<StreamEntryID> held = new HashSet<>();
        final List<StreamEntryID> toDelete = new ArrayList<>();
        boolean closed;
        /** Counts the closings: what was read before one is not taken after it. */
        long generation;
    }

    /** Where to read a partition next ({@code from} null: from the oldest), and in which generation of it. */
    record Next(StreamEntryID from, long generation) {
    }

    InHand(int partitions, int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.partitions = new Partition[partitions];
        for (int p = 0; p < partitions; p++) {
            this.partitions[p] = new Partition();
        }
    }

    int capacity() {
        return maxInFlight;
    }

    synchronized int room() {
        return maxInFlight - total;
    }

    synchronized int count() {
        return total;
    }

    synchronized int held(int partition) {
        return partitions[partition].held.size();
    }

    synchronized boolean open(int partition) {
        return !partitions[partition].closed;
    }

    /**
     * Where to read next: the entry after the newest read; nothing while the partition is closed (a read started then
     * could pass over what was given up, were it taken after the reopening).
     */
    synchronized Optional<Next> next(int partition) {
        Partition state = partitions[partition];
        if (state.closed) {
            return Optional.empty();
        }
        StreamEntryID cursor = state.cursor;
        return Optional.of(new Next(cursor == null ? null : new StreamEntryID(cursor.getTime(), cursor.getSequence() + 1),
                state.generation));
    }

    /**
     * A read from the cursor found nothing while the stream holds more than is in hand: something was passed over, so
     * the partition is read again from its oldest entry (what is in hand is not taken twice).
     */
    synchronized void rewind(int partition, Next next) {
        Partition state = partitions[partition];
        if (!state.closed && state.generation == next.generation()) {
            state.cursor = null;
            state.generation++;
        }
    }

    /** Takes what was read in hand; none of it when the partition closed since {@code next} (it is read again). */
    synchronized List<StreamEntry> take(int partition, Next next, List<StreamEntry> read) {
        Partition state = partitions[partition];
        if (state.closed || state.generation != next.generation()) {
            return List.of();
        }
        List<StreamEntry> taken = new ArrayList<>(read.size());
        for (StreamEntry entry : read) {
            state.cursor = entry.getID();
            if (state.held.add(entry.getID())) {
                taken.add(entry);
                total++;
            }
        }
        return taken;
    }

    /** Handled: deleted from the stream at the next {@link #deletable()}, and only then out of hand. */
    synchronized void handled(int partition, StreamEntryID id) {
        partitions[partition].toDelete.add(id);
    }

    /** Given up, left in the stream: the partition closes until nothing of it is in hand. */
    synchronized void givenUp(int partition, StreamEntryID id) {
        Partition state = partitions[partition];
        close(state);
        if (state.held.remove(id)) {
            total--;
        }
        reopenWhenEmpty(state);
    }

    /** No entry of the partition may start any more (its lease was lost): each is given up as it comes up. */
    synchronized void close(int partition) {
        Partition state = partitions[partition];
        close(state);
        reopenWhenEmpty(state);
    }

    private static void close(Partition state) {
        if (!state.closed) {
            state.closed = true;
            state.generation++;
        }
    }

    synchronized boolean closed(int partition) {
        return partitions[partition].closed;
    }

    /** The handled entries to delete now, by partition; each is out of hand once {@link #deleted} says so. */
    synchronized Map<Integer, List<StreamEntryID>> deletable() {
        Map<Integer, List<StreamEntryID>> due = new HashMap<>();
        for (int p = 0; p < partitions.length; p++) {
            if (!partitions[p].toDelete.isEmpty()) {
                due.put(p, new ArrayList<>(partitions[p].toDelete));
                partitions[p].toDelete.clear();
            }
        }
        return due;
    }

    synchronized void deleted(int partition, List<StreamEntryID> ids) {
        Partition state = partitions[partition];
        for (StreamEntryID id : ids) {
            if (state.held.remove(id)) {
                total--;
            }
        }
        reopenWhenEmpty(state);
    }

    /** Not deleted (Redis failed): tried again at the next round. */
    synchronized void notDeleted(int partition, List<StreamEntryID> ids) {
        partitions[partition].toDelete.addAll(ids);
    }

    private void reopenWhenEmpty(Partition state) {
        if (state.closed && state.held.isEmpty()) {
            state.closed = false;
            state.cursor = null;
            state.generation++; // a read started before the reopening is not taken after it
        }
    }

    /** Nothing of the partition in hand: it may be handed to another instance. */
    synchronized boolean idle(int partition) {
        return partitions[partition].held.isEmpty();
    }

    /** Whether each given entry of the partition has been handled here: read, and out of hand, so deleted. */
    synchronized boolean handled(int partition, List<StreamEntryID> ids) {
        Partition state = partitions[partition];
        return ids.stream().allMatch(id -> handled(state, id));
    }

    private static boolean handled(Partition state, StreamEntryID id) {
        return !state.closed && state.cursor != null && state.cursor.compareTo(id) >= 0 && !state.held.contains(id);
    }
}
