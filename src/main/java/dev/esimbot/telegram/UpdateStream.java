package dev.esimbot.telegram;

import dev.esimbot.session.Leases;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.session.StaleConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The Redis side of the update queue: one stream per partition holding the updates not handled yet, a lease per
 * partition naming the instance that handles it, and the set of live instances. Every call is one round trip.
 */
final class UpdateStream {

    static final String CHAT = "chat";
    static final String UPDATE = "update";

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Leases leases;

    UpdateStream(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.leases = new Leases(redis);
    }

    /** The partition of a chat: a mixed hash, so neighbouring chat ids spread out. */
    static int partition(long chatId, int partitions) {
        long mixed = chatId * 0x9E3779B97F4A7C15L;
        return Math.floorMod((int) (mixed ^ (mixed >>> 32)), partitions);
    }

    /** The chat an entry was stored for; 0 when stored without one (one lane for all such entries). */
    static long chatOf(StreamEntry entry) {
        try {
            return Long.parseLong(entry.getFields().get(CHAT));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** One update to store: its partition, chat and Bot API JSON. */
    record Entry(int partition, long chatId, String json) {
    }

    StreamEntryID append(int partition, long chatId, String json) {
        return redis.xadd(keys.updateStream(partition), StreamEntryID.NEW_ENTRY, fields(chatId, json));
    }

    /**
     * Stores several updates in one round trip (a pipeline), in their order. The entries stored before a failure stay
     * stored; the caller treats the whole batch as not stored (the repeats are handled once, by update_id).
     */
    List<StreamEntryID> appendAll(List<Entry> entries) {
        List<Response<StreamEntryID>> answers = new ArrayList<>(entries.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Entry entry : entries) {
                answers.add(pipeline.xadd(keys.updateStream(entry.partition()), StreamEntryID.NEW_ENTRY, fields(entry.chatId(), entry.json())));
            }
            pipeline.sync();
        }
        return answers.stream().map(Response::get).toList();
    }

    private static Map<String, String> fields(long chatId, String json) {
        return Map.of(CHAT, Long.toString(chatId), UPDATE, json);
    }

    /**
     * The oldest updates of a partition not handled yet, in the order they arrived. Reading (and deleting, below) is
     * safe to repeat, so it is retried over stale pooled connections rather than failing the partition's turn, which
     * would then back off once per stale connection.
     */
    List<StreamEntry> oldest(int partition, int count) {
        return StaleConnections.retried(() -> redis.xrange(keys.updateStream(partition), "-", "+", count));
    }

    /** Up to {@code count} entries from {@code from} on (null: from the oldest), in the order they arrived. */
    List<StreamEntry> from(int partition, StreamEntryID from, int count) {
        String start = from == null ? "-" : from.toString();
        return StaleConnections.retried(() -> redis.xrange(keys.updateStream(partition), start, "+", count));
    }

    /** Whether any of these entries (in id order) is still stored: one range read from the first to the last. */
    boolean anyLeft(int partition, List<StreamEntryID> ids) {
        List<StreamEntry> range = redis.xrange(keys.updateStream(partition), ids.get(0), ids.get(ids.size() - 1));
        Set<StreamEntryID> wanted = new HashSet<>(ids);
        return range.stream().anyMatch(entry -> wanted.contains(entry.getID()));
    }

    /** Deletes handled entries of several partitions in one round trip. */
    void removeAll(Map<Integer, List<StreamEntryID>> byPartition) {
        StaleConnections.retried(() -> {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                byPartition.forEach((partition, ids) -> pipeline.xdel(keys.updateStream(partition), ids.toArray(StreamEntryID[]::new)));
                pipeline.sync();
            }
            return null;
        });
    }

    long length(int partition) {
        return redis.xlen(keys.updateStream(partition));
    }

    boolean acquire(int partition, String instance, Duration lease) {
        return leases.take(keys.updateLease(partition), instance, lease);
    }

    boolean renew(int partition, String instance, Duration lease) {
        return leases.renew(keys.updateLease(partition), instance, lease);
    }

    void release(int partition, String instance) {
        leases.release(keys.updateLease(partition), instance);
    }

    /** Marks this instance alive until {@code until} (epoch ms), drops the lapsed ones, and counts the live ones. */
    long liveInstances(String instance, long nowMillis, long untilMillis) {
        redis.zadd(keys.updateInstances(), untilMillis, instance);
        redis.zremrangeByScore(keys.updateInstances(), Double.NEGATIVE_INFINITY, nowMillis);
        return Math.max(1, redis.zcard(keys.updateInstances()));
    }

    void leave(String instance) {
        redis.zrem(keys.updateInstances(), instance);
    }
}
