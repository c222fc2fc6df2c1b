package dev.esimbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A real Redis Cluster on loopback: three masters, each with one replica, formed the way redis-cli would, through
 * Jedis (CLUSTER ADDSLOTS, MEET, REPLICATE). A short node timeout (1 s) so a killed master's replica takes over in
 * seconds. The masters are nodes 0-2, their replicas 3-5 (node 3 replicates node 0, and so on).
 */
public final class RedisClusterRig implements DistributedRedis {

    public static final Duration NODE_TIMEOUT = Duration.ofSeconds(1);
    private static final int SLOTS = 16_384;

    private final List<RedisProcess> nodes = new ArrayList<>();

    public static RedisClusterRig start() {
        RedisClusterRig rig = new RedisClusterRig();
        return DistributedRedis.formed(rig, rig::form);
    }

    private void form() {
        for (int i = 0; i < 6; i++) {
            nodes.add(RedisProcess.server("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", Long.toString(NODE_TIMEOUT.toMillis())));
        }
        for (int m = 0; m < 3; m++) {
            int from = m * SLOTS / 3;
            int to = (m + 1) * SLOTS / 3;
            try (Jedis master = jedis(m)) {
                master.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
        try (Jedis first = jedis(0)) {
            nodes.stream().skip(1).forEach(node -> first.clusterMeet("127.0.0.1", node.port()));
        }
        Waits.until("all six nodes to know each other", Duration.ofSeconds(20),
                () -> IntStream.range(0, 6).allMatch(i -> known(i) == 6));
        for (int r = 3; r < 6; r++) {
            String masterId;
            try (Jedis master = jedis(r - 3)) {
                masterId = master.clusterMyId();
            }
            try (Jedis replica = jedis(r)) {
                replica.clusterReplicate(masterId);
            }
        }
        Waits.until("the cluster to be ok, with three replicas in sync", Duration.ofSeconds(30), this::ready);
    }

    private long known(int node) {
        try (Jedis jedis = jedis(node)) {
            return jedis.clusterNodes().lines().count();
        }
    }

    private boolean ready() {
        return IntStream.range(0, 6).allMatch(i -> {
            try (Jedis jedis = jedis(i)) {
                String replication = jedis.info("replication");
                return jedis.clusterInfo().contains("cluster_state:ok")
                        && (replication.contains("role:master") || replication.contains("master_link_status:up"));
            }
        });
    }

    /** REDIS_CLUSTER_NODES: the three first masters as seeds (the client learns the rest). */
    @Override
    public Map<String, String> settings() {
        String seeds = nodes.subList(0, 3).stream().map(RedisProcess::hostAndPort).collect(Collectors.joining(","));
        return Map.of("redis.url", "", "redis.cluster-nodes", seeds);
    }

    @Override
    public String description() {
        return "Redis Cluster (3 masters, 3 replicas, cluster-node-timeout " + NODE_TIMEOUT.toMillis() + " ms)";
    }

    public RedisProcess node(int index) {
        return nodes.get(index);
    }

    /** Kills (SIGKILL) the master that serves this key's slot now; its replica takes over after the node timeout. */
    @Override
    public RedisProcess killMasterOf(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        RedisProcess live = nodes.stream().filter(RedisProcess::alive).findFirst().orElseThrow();
        String owner;
        try (Jedis jedis = new Jedis("127.0.0.1", live.port())) {
            owner = jedis.clusterNodes().lines().map(line -> line.split(" "))
                    .filter(f -> f[2].contains("master") && !f[2].contains("fail") && serves(f, slot))
                    .map(f -> f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@'))).findFirst().orElseThrow();
        }
        RedisProcess master = nodes.stream().filter(n -> Integer.toString(n.port()).equals(owner)).findFirst().orElseThrow();
        master.kill();
        return master;
    }

    private static boolean serves(String[] fields, int slot) {
        for (int i = 8; i < fields.length; i++) {
            String[] range = fields[i].split("-");
            if (!range[0].startsWith("[") && Integer.parseInt(range[0]) <= slot
                    && slot <= Integer.parseInt(range[range.length - 1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a killed node again: it comes back claiming its old slots, learns it lost them and turns into the
     * replica of the node promoted in its place; done once it has synced from it.
     */
    @Override
    public void rejoin(RedisProcess killed) {
        killed.restart();
        Waits.until("the killed node back as a replica in sync", Duration.ofSeconds(40), () -> {
            try (Jedis jedis = new Jedis("127.0.0.1", killed.port())) {
                String replication = jedis.info("replication");
                return replication.contains("role:slave") && replication.contains("master_link_status:up");
            }
        });
        Waits.until("the cluster ok with every node back in sync", Duration.ofSeconds(40), this::ready);
    }

    public Jedis jedis(int node) {
        return new Jedis("127.0.0.1", nodes.get(node).port());
    }

    @Override
    public void close() {
        nodes.forEach(RedisProcess::close);
    }
}
