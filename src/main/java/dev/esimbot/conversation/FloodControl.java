package dev.esimbot.conversation;

import dev.esimbot.session.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Per-chat flood control in Redis, so it holds across instances: up to {@code messagesPerMinute} in a one-minute
 * window; the first one past it is answered with a polite "slow down" and the chat is then ignored for the silence.
 * Counted as {@code bot.flood{verdict=slowed|silenced}}.
 */
@Component
class FloodControl {

    enum Verdict { ALLOW, SLOW_DOWN, SILENT }

    /** 0: allow; 1: just went over (mute now, say so once); 2: muted. Count and mute in one step for all instances. */
    private static final String CHECK = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 2 end
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], 60000) end
            if n > tonumber(ARGV[1]) then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0""";

    /** More than the pool keeps idle (8), so every stale connection can be dropped in one check. */
    private static final int STALE_CONNECTIONS = 10;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final LimitsProperties limits;
    private final MeterRegistry meters;

    FloodControl(UnifiedJedis redis, RedisKeys keys, LimitsProperties limits, MeterRegistry meters) {
        this.redis = redis;
        this.keys = keys;
        this.limits = limits;
        this.meters = meters;
    }

    Verdict check(long chatId) {
        Object answer = count(chatId, 1);
        long code = answer instanceof Long value ? value : 0;
        if (code == 0) {
            return Verdict.ALLOW;
        }
        Verdict verdict = code == 1 ? Verdict.SLOW_DOWN : Verdict.SILENT;
        meters.counter("bot.flood", "verdict", code == 1 ? "slowed" : "silenced").increment();
        return verdict;
    }

    /**
     * After Redis restarts, the connection pool still holds connections to the old server: each fails once and is
     * dropped. This check is the first command of every input and harmless to repeat (a counter), so it is retried
     * until a live connection answers; the pool hands the same (live) connection to the turn that follows.
     */
    private Object count(long chatId, int attempt) {
        try {
            return redis.eval(CHECK, List.of(keys.floodCount(chatId), keys.floodMuted(chatId)),
                    List.of(Integer.toString(limits.messagesPerMinute()), Long.toString(limits.silence().toMillis())));
        } catch (JedisConnectionException e) {
            if (attempt >= STALE_CONNECTIONS) {
                throw e;
            }
            return count(chatId, attempt + 1);
        }
    }

    long silenceSeconds() {
        return limits.silence().toSeconds();
    }
}
