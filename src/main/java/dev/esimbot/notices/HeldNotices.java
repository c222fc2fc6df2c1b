package dev.esimbot.notices;

import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZAddParams;

/**
 * Notices waiting outside the queue until a time (the end of quiet hours, the next look at an open support ticket).
 * Holding claims the notice's id like queueing does, so a notice is held or queued once however many scans make it;
 * releasing moves it into the queue in one step that only one instance can win.
 */
@Component
class HeldNotices {

    /** Claims the id (as HELD) and holds the notice, or does nothing when the id was claimed before. */
    private static final String HOLD = """
            if not redis.call('SET', KEYS[1], 'HELD', 'NX', 'PX', ARGV[1]) then return 0 end
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
            redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
            return 1""";

    /**
     * Moves a held notice into the queue: 1 when released now, 0 when another instance took it first, 2 when its id
     * was forgotten meanwhile (its eSIM's end is long past), so it is dropped.
     */
    private static final String RELEASE = """
            if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
            redis.call('HDEL', KEYS[3], ARGV[1])
            if not redis.call('SET', KEYS[1], ARGV[2], 'XX', 'KEEPTTL') then return 2 end
            if ARGV[2] == 'QUEUED' then redis.call('XADD', KEYS[4], '*', unpack(ARGV, 3)) end
            return 1""";

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    HeldNotices(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    boolean hold(Notice notice, Duration rememberFor, Instant until) {
        String body = QueuedNotice.json(QueuedNotice.fields(notice, 0));
        Object held = redis.eval(HOLD, List.of(keys.notice(notice.id()), keys.heldNotices(), keys.heldNoticeBodies()),
                List.of(Long.toString(rememberFor.toMillis()), Long.toString(until.toEpochMilli()), notice.id(), body));
        return Long.valueOf(1).equals(held);
    }

    /** Up to {@code count} held notices due by {@code now}; one whose body is missing is dropped on release. */
    List<Notice> due(Instant now, int count) {
        List<Notice> due = new ArrayList<>();
        for (String id : redis.zrangeByScore(keys.heldNotices(), "-inf", Long.toString(now.toEpochMilli()), 0, count)) {
            Optional.ofNullable(redis.hget(keys.heldNoticeBodies(), id))
                    .map(json -> QueuedNotice.notice(QueuedNotice.fromJson(json)))
                    .ifPresentOrElse(due::add, () -> end(id, NoticeState.FAILED));
        }
        return due;
    }

    /** Into the queue; false when another instance released it first (or it was forgotten). */
    boolean release(Notice notice) {
        List<String> args = new ArrayList<>(List.of(notice.id(), NoticeState.QUEUED.name()));
        args.addAll(QueuedNotice.flat(QueuedNotice.fields(notice, 0)));
        return Long.valueOf(1).equals(redis.eval(RELEASE, scriptKeys(notice.id()), args));
    }

    /** Ends a held notice without sending it (SKIPPED), unless another instance released it first. */
    boolean end(String noticeId, NoticeState state) {
        return Long.valueOf(1).equals(redis.eval(RELEASE, scriptKeys(noticeId), List.of(noticeId, state.name())));
    }

    /** Holds it longer; does nothing when it was released meanwhile. */
    void postpone(String noticeId, Instant until) {
        redis.zadd(keys.heldNotices(), until.toEpochMilli(), noticeId, ZAddParams.zAddParams().xx());
    }

    long size() {
        return redis.zcard(keys.heldNotices());
    }

    private List<String> scriptKeys(String noticeId) {
        return List.of(keys.notice(noticeId), keys.heldNotices(), keys.heldNoticeBodies(), keys.noticeQueue());
    }
}
