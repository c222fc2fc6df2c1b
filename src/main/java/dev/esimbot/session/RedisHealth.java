package dev.esimbot.session;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** {@code /actuator/health} component "redis": a PING, as sessions, locks and every queue live there. */
@Component("redisHealthIndicator") // "redis" in /actuator/health
class RedisHealth implements HealthIndicator {

    private final UnifiedJedis redis;

    RedisHealth(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            String pong = redis.ping();
            return Health.up().withDetail("ping", pong).build();
        } catch (JedisException e) {
            // The class only: a connection error's message can carry the URL, and with it the password.
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
