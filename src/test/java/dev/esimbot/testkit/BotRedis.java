package dev.esimbot.testkit;

import dev.esimbot.session.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** What the bot keeps in Redis under one key prefix, read the way the bot's own key builder names it. */
public final class BotRedis {

    private final RedisKeys keys;

    public BotRedis(String keyPrefix) {
        this.keys = new RedisKeys(keyPrefix);
    }

    /** Whether the bot still waits for the order's outcome (reconciliation would look at it). */
    public boolean tracked(String orderId) {
        try (UnifiedJedis redis = TestRedis.client()) {
            return redis.zscore(keys.pendingOrders(), orderId) != null;
        }
    }

    /** The chat's stored session as JSON, or null. */
    public String session(long chatId) {
        try (UnifiedJedis redis = TestRedis.client()) {
            return redis.get(keys.session(chatId));
        }
    }

    /** Webhook events the bot took on: each is marked before it is settled. */
    public int webhookEventsTaken() {
        try (UnifiedJedis redis = TestRedis.client()) {
            return redis.keys(keys.webhookEvent("*")).size();
        }
    }
}
