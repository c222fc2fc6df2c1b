package dev.esimbot.notices;

import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Chats whose user blocked the bot (Telegram answered 403). Notices to them are skipped without a call to Telegram
 * until the user writes to the bot again, which calls {@link #unblock}.
 */
@Component
public class BlockedUsers {

    /** Long enough to spare Telegram; should it lapse first, one more notice meets a 403 and marks the chat again. */
    static final Duration MARK_TTL = Duration.ofDays(180);

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    BlockedUsers(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public boolean isBlocked(long chatId) {
        return redis.exists(keys.blockedChat(chatId));
    }

    public void markBlocked(long chatId) {
        redis.set(keys.blockedChat(chatId), "1", SetParams.setParams().ex(MARK_TTL.toSeconds()));
    }

    public void unblock(long chatId) {
        redis.del(keys.blockedChat(chatId));
    }
}
