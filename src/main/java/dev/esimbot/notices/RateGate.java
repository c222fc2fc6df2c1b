package dev.esimbot.notices;

import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Telegram's limits, shared by every sender of every instance through Redis: a global rate (GCRA on one key), a
 * least gap between two messages to one chat, and a global pause after a 429. Time is Redis's own ({@code TIME}),
 * not the instances' clocks, so instances whose clocks differ still share one rate.
 */
final class RateGate {

    /**
     * Answers 0 when a message to the chat may go now (and books it), else how many ms to wait before asking again.
     * GCRA with a tolerance of one interval paces the messages, so a sender that woke a little late does not lose its
     * slot; a log of the last second's messages then keeps that tolerance from ever letting rate + 1 into one second
     * (at Telegram's 30 that earned 429s, and each 429 pauses every sender).
     */
    private static final String ACQUIRE = """
            local paused = redis.call('PTTL', KEYS[1])
            if paused > 0 then return paused end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local interval = tonumber(ARGV[1])
            local tat = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now)
            if tat - interval > now then return math.ceil((tat - interval - now) / 1000) end
            redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - 1000000)
            if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[3]) then
                local oldest = redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')
                return math.max(1, math.ceil((tonumber(oldest[2]) + 1000000 - now) / 1000))
            end
            local chat = redis.call('PTTL', KEYS[3])
            if chat > 0 then return chat end
            tat = tat + interval
            redis.call('SET', KEYS[2], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
            redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
            redis.call('ZADD', KEYS[4], now, string.format('%.0f', now) .. ':' .. ARGV[4])
            redis.call('PEXPIRE', KEYS[4], 2000)
            return 0""";

    /** Sets the pause, or lengthens it: a shorter retry_after from another sender never cuts a longer one. */
    private static final String PAUSE = """
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
            return 1""";

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final String intervalMicros;
    private final String chatGapMillis;
    private final String perSecond;

    /** @param perSecond messages a second for everyone together (tests use rates above Telegram's, with a faster fake) */
    RateGate(UnifiedJedis redis, RedisKeys keys, int perSecond, Duration chatGap) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.redis = redis;
        this.keys = keys;
        this.intervalMicros = Long.toString(1_000_000L / perSecond);
        this.chatGapMillis = Long.toString(chatGap.toMillis());
        this.perSecond = Integer.toString(perSecond);
    }

    /** 0 when a message to the chat may go now (it is counted), else the ms to wait before asking again. */
    long tryAcquire(long chatId) {
        Object wait = redis.eval(ACQUIRE,
                List.of(keys.noticePause(), keys.noticeRate(), keys.noticeChatGap(chatId), keys.noticeWindow()),
                List.of(intervalMicros, chatGapMillis, perSecond, Long.toString(chatId)));
        return (Long) wait;
    }

    /** Telegram said 429: nobody sends for {@code seconds}. */
    void pause(int seconds) {
        redis.eval(PAUSE, List.of(keys.noticePause()), List.of(Long.toString(seconds * 1000L)));
    }
}
