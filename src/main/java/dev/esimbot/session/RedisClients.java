package dev.esimbot.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Jedis' own client for each topology, all {@link UnifiedJedis}, which is all the rest of the code sees: a pooled
 * client of one server, {@link RedisSentinelClient} (asks the sentinels for the master and follows a failover), or
 * {@link RedisClusterClient} (routes each command by its key's slot and follows MOVED, ASK and a promotion).
 */
final class RedisClients {

    private static final Logger log = LoggerFactory.getLogger(RedisClients.class);

    /**
     * How long one command may go on retrying against a master that does not answer (Jedis' default: 10 s). Short,
     * so that while a replica is being promoted a command fails soon and the bot's own ways take over (the update
     * is kept and handled again, the user told the bot is unavailable), instead of a turn hanging and partition
     * leases (UPDATES_LEASE, 5 s) lapsing behind it; redirections after a promotion still get their retries.
     */
    private static final Duration CLUSTER_RETRIES = Duration.ofSeconds(2);

    private RedisClients() {
    }

    static UnifiedJedis of(RedisProperties settings) {
        return switch (settings.topology()) {
            case STANDALONE -> RedisClient.builder().fromURI(RedisConfig.parse(settings.url())).poolConfig(pool(settings))
                    .build();
            case EMBEDDED -> throw new IllegalStateException("the embedded redis-server's client is RedisConfig's");
            case SENTINEL -> sentinel(settings);
            case CLUSTER -> cluster(settings);
        };
    }

    private static UnifiedJedis sentinel(RedisProperties settings) {
        Set<HostAndPort> sentinels = RedisTopology.nodes(RedisTopology.SENTINELS, settings.sentinels(), new ArrayList<>());
        log.info("Redis: master '{}' through {} sentinels", settings.sentinelMaster(), sentinels.size());
        JedisClientConfig sentinelConfig = DefaultJedisClientConfig.builder().ssl(settings.tls())
                .password(blankToNull(settings.sentinelPassword())).build();
        return RedisSentinelClient.builder().masterName(settings.sentinelMaster()).sentinels(sentinels)
                .clientConfig(nodeConfig(settings)).sentinelClientConfig(sentinelConfig).poolConfig(pool(settings)).build();
    }

    private static UnifiedJedis cluster(RedisProperties settings) {
        Set<HostAndPort> nodes = RedisTopology.nodes(RedisTopology.CLUSTER_NODES, settings.clusterNodes(), new ArrayList<>());
        log.info("Redis: cluster through {} seed nodes", nodes.size());
        return RedisClusterClient.builder().nodes(nodes).clientConfig(nodeConfig(settings)).poolConfig(pool(settings))
                .maxTotalRetriesDuration(CLUSTER_RETRIES).build();
    }

    /**
     * REDIS_POOL_SIZE connections per server (Jedis' default, 8, would keep most of the chat lanes waiting), and a
     * bounded wait for one: a starved pool fails the command, which keeps its update for a retry, never hangs it.
     */
    static ConnectionPoolConfig pool(RedisProperties settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(RedisProperties.POOL_MAX_WAIT);
        return pool;
    }

    private static JedisClientConfig nodeConfig(RedisProperties settings) {
        return DefaultJedisClientConfig.builder().ssl(settings.tls()).user(blankToNull(settings.username()))
                .password(blankToNull(settings.password())).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
