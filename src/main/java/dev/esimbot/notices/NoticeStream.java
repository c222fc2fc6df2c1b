package dev.esimbot.notices;

import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The consumer side of the notice queue: a Redis stream read by one consumer group that all senders of all instances
 * join. An entry stays pending with the consumer that read it until it is settled (sent, or ended for good); entries
 * a dead consumer left behind are taken over once they lay untouched for the claim idle time.
 */
final class NoticeStream {

    private static final Logger log = LoggerFactory.getLogger(NoticeStream.class);
    static final String GROUP = "senders";

    /**
     * Right before a send: 1 when the notice already ended (a repeat entry), 2 when another consumer took the entry
     * over, else 0 after resetting the entry's idle time, so nobody takes it over while it is being sent.
     */
    private static final String TAKE = """
            local state = redis.call('GET', KEYS[2])
            if state and state ~= 'QUEUED' then return 1 end
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
            if #pending == 0 or pending[1][2] ~= ARGV[2] then return 2 end
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
            return 0""";

    /**
     * Stores the final state (only over QUEUED: a notice ends once) and removes the entry, in one step; 1 when this
     * call ended the notice, 0 when it had ended before (a repeat entry, or one settled by another consumer). A notice
     * whose marker was already forgotten counts as ended here: it was sent, so its end must still be told.
     */
    private static final String SETTLE = """
            local state = redis.call('GET', KEYS[2])
            local ended = 0
            if state == 'QUEUED' then redis.call('SET', KEYS[2], ARGV[3], 'XX', 'KEEPTTL') end
            if state == 'QUEUED' or not state then ended = 1 end
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return ended""";

    /** Adds the entry again at the end of the queue (with one more try counted) and removes the old one, in one step. */
    private static final String REQUEUE = """
            redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return 1""";

    enum Take { GO, ALREADY_SETTLED, TAKEN_OVER }

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    NoticeStream(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Creates the group at the start of the stream, so entries queued before any sender ran are read too. */
    void ensureGroup() {
        try {
            redis.xgroupCreate(keys.noticeQueue(), GROUP, new StreamEntryID(), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Entries never handed to any consumer. */
    List<QueuedNotice> readNew(String consumer, int count) {
        var read = redis.xreadGroupAsMap(GROUP, consumer, XReadGroupParams.xReadGroupParams().count(count),
                Map.of(keys.noticeQueue(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        return read == null ? List.of() : decode(read.getOrDefault(keys.noticeQueue(), List.of()));
    }

    /**
     * Entries already handed to this consumer and not settled yet (its pending list, oldest first): after a Redis
     * failure (a failover) it takes them up again at once, rather than leaving them to another sender's take-over
     * after the claim idle time. Sending them is as safe as a take-over: the take step still checks who holds each.
     */
    List<QueuedNotice> readOwnPending(String consumer, int count) {
        var read = redis.xreadGroupAsMap(GROUP, consumer, XReadGroupParams.xReadGroupParams().count(count),
                Map.of(keys.noticeQueue(), new StreamEntryID()));
        return read == null ? List.of() : decode(read.getOrDefault(keys.noticeQueue(), List.of()));
    }

    /** A page of entries idle for {@code minIdle}, now this consumer's; the page's cursor says where to go on. */
    record Claimed(List<QueuedNotice> notices, StreamEntryID next) {
    }

    Claimed claimStale(String consumer, Duration minIdle, StreamEntryID from, int count) {
        var page = redis.xautoclaim(keys.noticeQueue(), GROUP, consumer, minIdle.toMillis(), from,
                XAutoClaimParams.xAutoClaimParams().count(count));
        return new Claimed(decode(page.getValue()), page.getKey());
    }

    Take take(String consumer, QueuedNotice queued) {
        Object answer = redis.eval(TAKE, List.of(keys.noticeQueue(), keys.notice(queued.id())),
                List.of(GROUP, consumer, queued.entryId().toString()));
        return Take.values()[((Long) answer).intValue()];
    }

    /** True when this call ended the notice; false when it had already ended, so its end is not told twice. */
    boolean settle(QueuedNotice queued, NoticeState state) {
        return settle(queued.entryId(), queued.id(), state);
    }

    /** Acknowledges the entry of a notice that had already ended, leaving its state as it is. */
    void discard(QueuedNotice queued) {
        settle(queued.entryId(), queued.id(), NoticeState.QUEUED);
    }

    void retryLater(QueuedNotice queued) {
        List<String> args = new ArrayList<>(List.of(GROUP, queued.entryId().toString()));
        args.addAll(QueuedNotice.flat(QueuedNotice.fields(queued.notice(), queued.tries() + 1)));
        redis.eval(REQUEUE, List.of(keys.noticeQueue()), args);
    }

    /** Removes a consumer that holds no entries (on a clean stop), so the group lists only live ones. */
    void forget(String consumer) {
        var pending = redis.xpending(keys.noticeQueue(), GROUP, new XPendingParams("-", "+", 1).consumer(consumer));
        if (pending.isEmpty()) {
            redis.xgroupDelConsumer(keys.noticeQueue(), GROUP, consumer);
        }
    }

    private boolean settle(StreamEntryID entryId, String noticeId, NoticeState state) {
        return (Long) redis.eval(SETTLE, List.of(keys.noticeQueue(), keys.notice(noticeId)), List.of(GROUP, entryId.toString(), state.name())) == 1L;
    }

    /** An entry that is not a notice cannot be sent; it is removed so it does not block the queue. */
    private List<QueuedNotice> decode(List<StreamEntry> entries) {
        List<QueuedNotice> notices = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            try {
                notices.add(QueuedNotice.of(entry));
            } catch (IllegalArgumentException e) {
                log.warn("notice queue entry={} is not a notice; removed", entry.getID());
                settle(entry.getID(), "-", NoticeState.FAILED);
            }
        }
        return notices;
    }
}
