package dev.esimbot.session;

import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * After Redis restarts, the connection pool still holds idle connections to the old server: each fails once and is
 * dropped. A command that is safe to repeat is sent again at once until a live connection answers, rather than
 * failing its caller once per stale connection.
 */
public final class StaleConnections {

    /** More than the pool keeps idle (8), so every stale connection can be dropped by one command's attempts. */
    private static final int ATTEMPTS = 10;

    private StaleConnections() {
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
