package dev.esimbot.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * After Redis restarts, the connection pool still holds idle connections to the old server: each fails once and is
 * dropped. A command that is safe to repeat is sent again at once until a live connection answers, rather than
 * failing its caller once per stale connection.
 */
public final class StaleConnections {

    /** More than the pool keeps idle (8), so every stale connection can be dropped by one command's attempts. */
    private static final int ATTEMPTS = 10;

    /** Errors a Redis answers with while a failover is under way: demoted master, cluster without a slot owner, ... */
    private static final List<String> FAILING_OVER = List.of("READONLY", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN",
            "LOADING");

    private StaleConnections() {
    }

    /**
     * Runs a command that is safe to repeat, and whose loss would repeat a message the user already got (the mark
     * written right after a send), again and again while Redis fails over: a promotion takes seconds (Sentinel
     * down-after plus the election; a Cluster's node timeout). Pauses grow from 100 ms to 1 s; after {@code budget}
     * the last failure is thrown.
     */
    public static <T> T throughFailover(Duration budget, Supplier<T> command) {
        long deadline = System.nanoTime() + budget.toNanos();
        long pause = Duration.ofMillis(100).toNanos();
        while (true) {
            try {
                return command.get();
            } catch (JedisException e) {
                if (!failingOver(e) || System.nanoTime() + pause > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, Duration.ofSeconds(1).toNanos());
            }
        }
    }

    private static boolean failingOver(JedisException e) {
        if (e instanceof JedisConnectionException || e instanceof JedisClusterOperationException) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return e instanceof JedisDataException && FAILING_OVER.stream().anyMatch(message::startsWith);
    }

    /** Runs a command that is safe to repeat, again on a connection failure, up to {@value #ATTEMPTS} times. */
    public static <T> T retried(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (JedisConnectionException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
