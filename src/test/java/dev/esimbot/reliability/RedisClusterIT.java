package dev.esimbot.reliability;

import dev.esimbot.testkit.RedisClusterRig;

/**
 * The bot on a real Redis Cluster of three masters with a replica each (REDIS_CLUSTER_NODES), started by the test:
 * every script's keys must share a slot (Jedis refuses them otherwise), the update queue's partitions and the notice
 * queue live on different shards, and a killed master's replica takes over after the 1 s node timeout.
 */
class RedisClusterIT extends DistributedRedisScenarios {

    RedisClusterIT() {
        super(RedisClusterRig.start(), 961_000);
    }
}
