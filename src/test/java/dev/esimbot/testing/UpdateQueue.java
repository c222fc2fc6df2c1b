package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The bot's pending updates with the real getUpdates contract: an offset confirms every update below it, unconfirmed
 * updates are handed out again, a long poll waits for the next update, and a newer getUpdates ends a waiting one
 * with 409 Conflict (what a second running bot instance sees).
 */
final class UpdateQueue {

    static final String CONFLICT =
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    private static final int MAX_LIMIT = 100;

    private final TreeMap<Long, JsonNode> pending = new TreeMap<>();
    private long confirmedBelow;
    private long highestId;
    private long pollTicket;
    private boolean closed;
    private Duration longPollCap;

    UpdateQueue(Duration longPollCap) {
        this.longPollCap = longPollCap;
    }

    synchronized void longPollCap(Duration cap) {
        this.longPollCap = cap;
    }

    synchronized long nextUpdateId() {
        return ++highestId;
    }

    synchronized void enqueue(JsonNode update) {
        long id = update.path("update_id").asLong(-1);
        if (id <= 0) {
            throw new IllegalArgumentException("An update needs a positive update_id: " + update);
        }
        if (id < confirmedBelow || pending.containsKey(id)) {
            throw new IllegalArgumentException("update_id " + id + " was already used; take one from nextUpdateId()");
        }
        pending.put(id, update);
        highestId = Math.max(highestId, id);
        notifyAll();
    }

    synchronized int unconfirmedCount() {
        return pending.size();
    }

    /** Whether a getUpdates offset has confirmed the update within the timeout. */
    synchronized boolean awaitConfirmed(long updateId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (confirmedBelow <= updateId) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized String describe() {
        return "unconfirmed update ids " + pending.keySet() + ", confirmed below " + confirmedBelow;
    }

    /** Wakes waiting polls so the server can stop quickly. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized ApiReply poll(long offset, int limit, Duration timeout) throws InterruptedException {
        long ticket = ++pollTicket;
        confirm(offset);
        notifyAll();
        long deadline = System.nanoTime() + min(timeout, longPollCap).toNanos();
        while (pending.isEmpty() && !closed) {
            if (ticket != pollTicket) {
                return ApiReply.error(409, CONFLICT);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return ApiReply.ok(firstUpdates(limit));
    }

    /** A negative offset keeps only the last -offset updates, as documented for the real server. */
    private void confirm(long offset) {
        if (offset > 0) {
            pending.headMap(offset).clear();
            confirmedBelow = Math.max(confirmedBelow, offset);
        } else if (offset < 0) {
            while (pending.size() > -offset) {
                confirmedBelow = pending.pollFirstEntry().getKey() + 1;
            }
        }
    }

    private ArrayNode firstUpdates(int limit) {
        int count = limit <= 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit;
        ArrayNode result = Json.MAPPER.createArrayNode();
        pending.values().stream().limit(count).forEach(update -> result.add(update.deepCopy()));
        return result;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
