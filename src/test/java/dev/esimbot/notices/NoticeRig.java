package dev.esimbot.notices;

import dev.esimbot.conversation.Button;
import dev.esimbot.conversation.Reply;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.support.TestRedis;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The notices feature wired by hand, as the application wires it, on real Redis with a key prefix of its own.
 */
final class NoticeRig implements AutoCloseable {

    final UnifiedJedis redis = TestRedis.client();
    final RedisKeys keys;
    final NoticeQueue queue;
    final BlockedUsers blocked;

    NoticeRig(String name) {
        keys = new RedisKeys(TestRedis.uniquePrefix(name));
        queue = new NoticeQueue(redis, keys);
        blocked = new BlockedUsers(redis, keys);
    }

    static Notice notice(String id, long chatId) {
        return new Notice(id, chatId, new Reply("⏰ <b>Your eSIM expires soon</b> (" + id + ")",
                List.of(List.of(new Button("Renew now", "renew:" + chatId, null)))));
    }

    void enqueue(Notice notice) {
        queue.enqueue(notice, Duration.ofHours(1));
    }

    @Override
    public void close() {
        redis.close();
    }
}
