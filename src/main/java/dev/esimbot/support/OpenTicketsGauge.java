package dev.esimbot.support;

import dev.esimbot.session.RedisKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code bot.support.tickets.open}: tickets open across all instances, read from Redis when metrics are scraped
 * (one ZCARD), so every instance reports the same number.
 */
@Component
class OpenTicketsGauge {

    OpenTicketsGauge(MeterRegistry meters, UnifiedJedis redis, RedisKeys keys) {
        Gauge.builder("bot.support.tickets.open", () -> count(redis, keys))
                .description("Support tickets open now (all instances)").register(meters);
    }

    private static double count(UnifiedJedis redis, RedisKeys keys) {
        try {
            return redis.zcard(keys.openTickets());
        } catch (JedisException e) {
            return Double.NaN; // Redis down: the redis health component says so
        }
    }
}
