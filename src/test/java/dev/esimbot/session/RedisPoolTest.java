package dev.esimbot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.config.InvalidSettingException;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** The Redis connection pool's size comes from REDIS_POOL_SIZE, and a starved pool fails a command rather than hang it. */
class RedisPoolTest {

    @Test
    void aStarvedPoolFailsTheNextCommandWithinItsMaxWaitInsteadOfHangingIt() throws Exception {
        // GIVEN a client of real Redis whose pool has one connection, held by a command blocking for 5 s
        String key = TestRedis.uniquePrefix("pool") + ":never";
        try (UnifiedJedis redis = RedisClients.of(settings(TestRedis.url(), 1))) {
            redis.ping();
            CompletableFuture<?> holding = CompletableFuture.runAsync(() -> redis.blpop(5, key));
            Thread.sleep(300);
            // WHEN another command needs a connection
            long started = System.nanoTime();
            // THEN it fails after the pool's max wait, as a Redis failure the bot keeps the update for
            assertThatThrownBy(() -> redis.get(key)).isInstanceOf(JedisException.class);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited).isGreaterThanOrEqualTo(RedisProperties.POOL_MAX_WAIT.minusMillis(100))
                    .isLessThan(Duration.ofSeconds(4));
            holding.get();
        }
    }

    @Test
    void aPoolSizeOutOfRangeStopsStartUpWithOneLine() {
        assertThatThrownBy(() -> settings("redis://r:6379", 0)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("REDIS_POOL_SIZE must be 1 to 1024, got 0");
    }

    private static RedisProperties settings(String url, int poolSize) {
        return new RedisProperties(url, "esimbot", Duration.ofHours(24), Duration.ofSeconds(60), Duration.ofSeconds(30),
                null, null, null, null, null, null, false, poolSize);
    }
}
