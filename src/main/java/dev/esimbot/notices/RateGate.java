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
     * GCRA with a tolerance of one interval: at most rate + 1 messages in any one second, and a sender that woke a
     * little late does not lose its slot.
     */
    private static final String ACQUIRE = """
            local paused = redis.call('PTTL', KEYS[1])
            if paused > 0 then return paused end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local interval = tonumber(ARGV[1])
            local tat = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now)
            if tat - interval > now then return math.ceil((tat - interval - now) / 1000) end
            local chat = redis.call('PTTL', KEYS[3])
            if chat > 0 then return chat end
            tat = tat + interval
            redis.call('SET', KEYS[2], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
            redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
            return 0""";

    /** Sets the pause, or lengthens it: a shorter retry_after from another sender never cuts a longer one. */
    private static final String PAUSE = """
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
            return 1""";

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final String intervalMicros;
    private final String chatGapMillis;

    /** @param perSecond messages a second for everyone together (tests use rates above Telegram's, with a faster fake) */
    RateGate(UnifiedJedis redis, RedisKeys keys, int perSecond, Duration chatGap) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.redis = redis;
        this.keys = keys;
        this.intervalMicros = Long.toString(1_000_000L / perSecond);
        this.chatGapMillis = Long.toString(chatGap.toMillis());
    }

    /** 0 when a message to the chat may go now (it is counted), else the ms to wait before asking again. */
    long tryAcquire(long chatId) {
        Object wait = redis.eval(ACQUIRE, List.of(keys.noticePause(), keys.noticeRate(), keys.noticeChatGap(chatId)),
                List.of(intervalMicros, chatGapMillis));
        return (Long) wait;
    }

    /** Telegram said 429: nobody sends for {@code seconds}. */
    void pause(int seconds) {
        redis.eval(PAUSE, List.of(keys.noticePause()), List.of(Long.toString(seconds * 1000L)));
    }
}
