package dev.esimbot.session;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * {@code /actuator/health} component "redis", as sessions, locks and every queue live there. One server or a
 * Sentinel-watched master: a PING. A Cluster: Jedis broadcasts PING to every node it ever knew, so one dead node (a
 * master its replica replaced) would read as down for good; instead the cluster's own verdict is asked of the nodes,
 * {@code cluster_state:ok} meaning every slot is served.
 */
@Component("redisHealthIndicator") // "redis" in /actuator/health
class RedisHealth implements HealthIndicator {

    private final UnifiedJedis redis;

    RedisHealth(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            if (redis instanceof RedisClusterClient cluster) {
                return cluster(cluster.getClusterNodes());
            }
            String pong = redis.ping();
            return Health.up().withDetail("ping", pong).build();
        } catch (JedisException e) {
            // The class only: a connection error's message can carry the URL, and with it the password.
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    /** Up when a reachable node says the cluster is ok; the first such answer decides. */
    private static Health cluster(Map<String, ConnectionPool> nodes) {
        int unreachable = 0;
        for (ConnectionPool pool : nodes.values()) {
            try (Connection node = pool.getResource()) {
                node.sendCommand(Protocol.Command.CLUSTER, "INFO");
                String info = SafeEncoder.encode((byte[]) node.getOne());
                boolean ok = info.contains("cluster_state:ok");
                return (ok ? Health.up() : Health.down()).withDetail("cluster_state", ok ? "ok" : "fail")
                        .withDetail("nodes_unreachable", unreachable).build();
            } catch (JedisException e) {
                unreachable++;
            }
        }
        return Health.down().withDetail("error", "no cluster node reachable").build();
    }
}
