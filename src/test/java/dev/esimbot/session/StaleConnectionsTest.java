package dev.esimbot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** A command whose loss would repeat a message is tried on while Redis fails over, and only then. */
class StaleConnectionsTest {

    @Test
    void aCommandIsTriedOnThroughTheErrorsOfAFailoverUntilItSucceeds() {
        // GIVEN a command that meets a lost connection, a demoted master and a cluster without the slot's owner
        AtomicInteger calls = new AtomicInteger();
        RuntimeException[] failures = {new JedisConnectionException("Connection refused"),
                new JedisDataException("READONLY You can't write against a read only replica."),
                new JedisDataException("CLUSTERDOWN The cluster is down")};
        // WHEN it is run through a failover
        String answer = StaleConnections.throughFailover(Duration.ofSeconds(5), () -> {
            int call = calls.getAndIncrement();
            if (call < failures.length) {
                throw failures[call];
            }
            return "OK";
        });
        // THEN it succeeded on the fourth try
        assertThat(answer).isEqualTo("OK");
        assertThat(calls).hasValue(4);
    }

    @Test
    void anErrorOfTheCommandItselfIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> StaleConnections.throughFailover(Duration.ofSeconds(5), () -> {
            calls.incrementAndGet();
            throw new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value");
        })).isInstanceOf(JedisDataException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailoverLongerThanTheBudgetEndsWithItsLastError() {
        AtomicInteger calls = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> StaleConnections.throughFailover(Duration.ofMillis(500), () -> {
            calls.incrementAndGet();
            throw new JedisConnectionException("Connection refused");
        })).isInstanceOf(JedisConnectionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(calls.get()).isBetween(2, 5);
    }
}
