package dev.esimbot.testkit;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Redis of several servers started by a test (Sentinel, Cluster), with the settings that point the bot at it and
 * the means to fail its master over. As a JUnit extension registered before the applications, it stops after them.
 */
public interface DistributedRedis extends AutoCloseable, AfterAllCallback {

    /** The bot's settings for this topology (REDIS_URL blank, the topology's own variables set). */
    Map<String, String> settings();

    /** Kills (SIGKILL) the master that holds keys with this hash tag; its replica is to take over. */
    RedisProcess killMasterOf(String hashTag);

    /** Starts a killed node again and waits until it is a replica in sync, so a later failover has one to promote. */
    void rejoin(RedisProcess killed);

    /** What runs, for the printed failover figures. */
    String description();

    @Override
    void close();

    @Override
    default void afterAll(ExtensionContext context) {
        close();
    }

    /** Forms the servers; should that fail, whatever did start is stopped. */
    static <R extends DistributedRedis> R formed(R rig, Runnable form) {
        try {
            form.run();
            return rig;
        } catch (RuntimeException | Error e) {
            rig.close();
            throw e;
        }
    }
}
