package dev.esimbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Sentinel setup on loopback: one master, one replica and three sentinels (quorum 2), each a redis-server
 * process of its own. Sentinels consider a master down after 1 s, so a failover takes a few seconds.
 */
public final class RedisSentinelRig implements DistributedRedis {

    public static final String MASTER = "botmaster";
    public static final Duration DOWN_AFTER = Duration.ofSeconds(1);

    private final List<RedisProcess> servers = new ArrayList<>();
    private final List<RedisProcess> sentinels = new ArrayList<>();

    public static RedisSentinelRig start() {
        RedisSentinelRig rig = new RedisSentinelRig();
        return DistributedRedis.formed(rig, rig::form);
    }

    private void form() {
        RedisProcess master = RedisProcess.server();
        servers.add(master);
        servers.add(RedisProcess.server("--replicaof", "127.0.0.1", Integer.toString(master.port())));
        Waits.until("the replica in sync", Duration.ofSeconds(20), () -> {
            try (Jedis replica = jedis(servers.get(1))) {
                return replica.info("replication").contains("master_link_status:up");
            }
        });
        for (int i = 0; i < 3; i++) {
            sentinels.add(RedisProcess.sentinel(MASTER, master.port(), DOWN_AFTER));
        }
        Waits.until("every sentinel to know the replica and the other sentinels", Duration.ofSeconds(30),
                () -> sentinels.stream().allMatch(this::seesAll));
    }

    private boolean seesAll(RedisProcess sentinel) {
        try (Jedis jedis = jedis(sentinel)) {
            return jedis.sentinelReplicas(MASTER).size() == 1 && jedis.sentinelSentinels(MASTER).size() == 2;
        }
    }

    /** REDIS_SENTINELS and REDIS_SENTINEL_MASTER. */
    @Override
    public Map<String, String> settings() {
        String all = sentinels.stream().map(RedisProcess::hostAndPort).collect(Collectors.joining(","));
        return Map.of("redis.url", "", "redis.sentinels", all, "redis.sentinel-master", MASTER);
    }

    @Override
    public String description() {
        return "Redis Sentinel (1 master, 1 replica, 3 sentinels, down-after " + DOWN_AFTER.toMillis() + " ms)";
    }

    /** The master as the sentinels name it now. */
    public HostAndPort master() {
        try (Jedis jedis = jedis(sentinels.get(0))) {
            return HostAndPort.from(String.join(":", jedis.sentinelGetMasterAddrByName(MASTER)));
        }
    }

    /** Kills the master (SIGKILL), which holds every key; the sentinels promote the replica once they agree it is down. */
    @Override
    public RedisProcess killMasterOf(String hashTag) {
        HostAndPort old = master();
        RedisProcess dying = servers.stream().filter(s -> s.port() == old.getPort()).findFirst().orElseThrow();
        dying.kill();
        return dying;
    }

    /** Starts the killed master again and waits until the sentinels made it the new master's replica, in sync. */
    @Override
    public void rejoin(RedisProcess killed) {
        Waits.until("the sentinels to promote the replica", Duration.ofSeconds(30),
                () -> master().getPort() != killed.port());
        killed.restart();
        Waits.until("the old master back as a replica in sync", Duration.ofSeconds(40), () -> {
            try (Jedis jedis = jedis(killed)) {
                return jedis.info("replication").contains("master_link_status:up");
            }
        });
    }

    public Jedis masterClient() {
        HostAndPort master = master();
        return new Jedis(master.getHost(), master.getPort());
    }

    private static Jedis jedis(RedisProcess process) {
        return new Jedis("127.0.0.1", process.port());
    }

    @Override
    public void close() {
        sentinels.forEach(RedisProcess::close);
        servers.forEach(RedisProcess::close);
    }
}
