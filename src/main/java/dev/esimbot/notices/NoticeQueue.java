package dev.esimbot.notices;

import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where notices are queued for sending. Queueing is idempotent by the notice id: a scan that runs twice, or on two
 * instances at once, queues each notice once. The senders of all instances share the queue (see {@link NoticeSender}).
 */
@Component
public class NoticeQueue {

    private static final Logger log = LoggerFactory.getLogger(NoticeQueue.class);

    /** The state marker and the entry are written together, so a notice is never marked without being queued. */
    private static final String ENQUEUE = """
            if not redis.call('SET', KEYS[1], 'QUEUED', 'NX', 'PX', ARGV[1]) then return 0 end
            redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
            return 1""";

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    NoticeQueue(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * Queues the notice unless a notice with its id was queued within {@code rememberFor}.
     *
     * @param rememberFor how long the id is remembered, and so how long a repeat is refused: past the moment the
     *                    notice stops mattering (the eSIM's expiry, say). The sender also relies on it to recognise
     *                    a notice it already sent, so it must outlast the notice's time in the queue.
     * @return true when queued now, false when it had been queued before
     */
    public boolean enqueue(Notice notice, Duration rememberFor) {
        if (rememberFor.isNegative() || rememberFor.isZero()) {
            throw new IllegalArgumentException("rememberFor must be positive");
        }
        List<String> args = new ArrayList<>();
        args.add(Long.toString(rememberFor.toMillis()));
        args.addAll(QueuedNotice.flat(QueuedNotice.fields(notice, 0)));
        Object queued = redis.eval(ENQUEUE, List.of(keys.notice(notice.id()), keys.noticeQueue()), args);
        boolean added = Long.valueOf(1).equals(queued);
        log.debug("notice={} chat={} {}", notice.id(), notice.chatId(), added ? "queued" : "already queued before");
        return added;
    }

    /** Where the notice stands, or empty when it was never queued or has been forgotten ({@code rememberFor} ran out). */
    public Optional<NoticeState> state(String noticeId) {
        return Optional.ofNullable(redis.get(keys.notice(noticeId))).map(NoticeState::valueOf);
    }

    /** Entries waiting or being sent, across all instances. */
    public long size() {
        return redis.xlen(keys.noticeQueue());
    }
}
