package dev.esimbot.testkit;

import dev.esimbot.session.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis the tests use: {@code REDIS_URL} when set, otherwise one embedded real redis-server for the whole JVM.
 * Tests keep apart by key prefix and chat ids, never by a fake.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            String fromEnv = System.getenv("REDIS_URL");
            if (fromEnv != null && !fromEnv.isBlank()) {
                url = fromEnv;
            } else {
                url = "redis://127.0.0.1:" + startEmbedded().port();
            }
        }
        return url;
    }

    public static UnifiedJedis client() {
        return RedisClient.create(java.net.URI.create(url()));
    }

    /** A key prefix of its own for each test class, so runs against a shared Redis never see each other's keys. */
    public static String uniquePrefix(String name) {
        return "test-" + name + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static EmbeddedRedis startEmbedded() {
        try {
            EmbeddedRedis redis = EmbeddedRedis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
