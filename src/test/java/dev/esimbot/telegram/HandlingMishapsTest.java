package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.ops.UpdateHandling.Outcome;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * An update's handling going wrong in ways the pipeline does not report, on real Redis: an Error thrown every time
 * (retried a few times, then dropped), an interrupt arriving once the update was handled (not handled again).
 */
class HandlingMishapsTest {

    private static final UpdatesProperties SETTINGS = new UpdatesProperties(4, 100_000, Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(2));
    private static final int CHATS = 20;

    private final UnifiedJedis redis = TestRedis.client();
    private final UpdateStream stream = new UpdateStream(redis, new RedisKeys(TestRedis.uniquePrefix("throwing")));
    private final QueueEffects effects = new QueueEffects(CHATS);
    private PartitionWorkers workers;

    @AfterEach
    void stop() {
        workers.halt();
        redis.close();
    }

    @Test
    void anUpdateThatAlwaysThrowsAnErrorIsRetriedABoundedNumberOfTimesThenDroppedAndNoOtherUpdateIsRepeated() {
        // GIVEN an instance whose handling of chat 7's first update throws an Error every time
        AtomicInteger thrown = new AtomicInteger();
        start(json -> {
            if (json.equals("7,0")) {
                thrown.incrementAndGet();
                throw new AssertionError("a bug");
            }
        });
        // WHEN updates of 20 chats arrive, chat 7's among them
        int total = storeUpdates();
        // THEN everything else is handled once, chat 7's later updates after the retries, and the queue empties
        Waits.until("all but one handled", Duration.ofSeconds(10), () -> effects.applied() == total - 1);
        Waits.until("queue empty", Duration.ofSeconds(5), () -> queued() == 0);
        assertThat(thrown.get()).isEqualTo(EntryHandler.MAX_ERRORS);
        assertThat(effects.done).doesNotContain("7,0").contains("7,1", "7,2");
        assertThat(effects.deliveries.get()).as("no update of the partition handled twice").isEqualTo(total - 1);
        assertThat(effects.overlaps.get()).isZero();
    }

    @Test
    void anUpdateHandledJustBeforeItsThreadWasInterruptedCountsAsHandledAndIsNotRepeated() {
        // GIVEN an instance whose thread is interrupted while chat 7's first update is handled (which it is, in full)
        start(json -> {
            if (json.equals("7,0")) {
                Thread.currentThread().interrupt();
            }
        });
        // WHEN updates of 20 chats arrive
        int total = storeUpdates();
        // THEN each is handled once: the handled one is deleted, not given up and read again
        Waits.until("all handled", Duration.ofSeconds(10), () -> effects.applied() == total);
        Waits.until("queue empty", Duration.ofSeconds(5), () -> queued() == 0);
        assertThat(effects.deliveries.get()).as("updates handled, repeats included").isEqualTo(total);
        effects.assertEachChatInOrder(3);
    }

    /** Starts the instance; {@code first} runs on each update before its effect is applied, and may throw. */
    private void start(java.util.function.Consumer<String> first) {
        workers = new PartitionWorkers(stream, new PartitionLeases(stream, SETTINGS, "one", Clock.systemUTC()), SETTINGS, 16,
                (partition, id, json) -> {
                    first.accept(json);
                    effects.apply("one", json);
                    return Outcome.HANDLED;
                });
        workers.start();
    }

    private int storeUpdates() {
        int total = CHATS * 3;
        for (int i = 0; i < total; i++) {
            stream.append(UpdateStream.partition(i % CHATS, SETTINGS.partitions()), i % CHATS, i % CHATS + "," + i / CHATS);
        }
        return total;
    }

    private long queued() {
        return java.util.stream.IntStream.range(0, SETTINGS.partitions()).mapToLong(stream::length).sum();
    }
}
