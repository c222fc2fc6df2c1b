package dev.esimbot.reliability;

import dev.esimbot.testkit.RedisSentinelRig;

/**
 * The bot on a real Sentinel setup (REDIS_SENTINELS, REDIS_SENTINEL_MASTER) started by the test: one master, one
 * replica, three sentinels (quorum 2). Jedis asks the sentinels for the master and follows them to the replica they
 * promote when the master is killed.
 */
class RedisSentinelIT extends DistributedRedisScenarios {

    RedisSentinelIT() {
        super(RedisSentinelRig.start(), 962_000);
    }
}
