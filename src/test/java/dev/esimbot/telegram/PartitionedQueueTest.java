package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.ops.UpdateHandling.Outcome;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The update queue on real Redis with two instances (two sets of partition workers, as two bot processes would run)
 * sharing one key prefix. The sink stands in for the pipeline ({@link QueueEffects}): it applies an update's effect
 * once per update id (the session's update_id dedupe) and records which instance saw what, in which order, and
 * whether two updates of one chat were ever handled at the same time.
 */
class PartitionedQueueTest {

    private static final UpdatesProperties SETTINGS = new UpdatesProperties(8, 100_000, Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(2));
    private static final int CHATS = 40;
    /** Updates in hand per instance: a crash repeats at most these (handled, not deleted yet, or being handled). */
    private static final int IN_FLIGHT = 32;

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = new RedisKeys(TestRedis.uniquePrefix("partitions"));
    private final UpdateStream stream = new UpdateStream(redis, keys);
    private final QueueEffects effects = new QueueEffects(CHATS);
    private final List<PartitionWorkers> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(PartitionWorkers::halt);
        redis.close();
    }

    @Test
    void twoInstancesShareThePartitionsAndOneStoppedMidRunHandsOverWithoutLossRepeatOrDisorder() {
        // GIVEN two instances on one Redis, each owning half of the partitions
        PartitionWorkers a = instance("a", null);
        PartitionWorkers b = instance("b", null);
        Waits.until("partitions shared", Duration.ofSeconds(5), () -> owned(a) == 4 && owned(b) == 4);
        // WHEN 3,000 updates of 40 chats are stored and the first instance stops (cleanly) a third of the way in
        int total = storeUpdates(3_000);
        Waits.until("a third handled", Duration.ofSeconds(10), () -> effects.applied() >= 1_000);
        a.stop(Duration.ofSeconds(5));
        // THEN the other takes over every partition, and each update was handled once, in its chat's order
        Waits.until("all handled", Duration.ofSeconds(15), () -> effects.applied() == total);
        assertThat(owned(b)).isEqualTo(SETTINGS.partitions());
        assertThat(effects.deliveries.get()).as("deliveries: none repeated after a clean stop").isEqualTo(total);
        assertThat(effects.byInstance.keySet()).containsExactlyInAnyOrder("a", "b");
        effects.assertEachChatInOrder(total / CHATS);
        assertThat(queued()).isZero();
    }

    @Test
    void aCrashedInstancesPartitionsPassToTheOtherWithinSecondsAndNothingIsLostOrDisordered() {
        // GIVEN two instances sharing the partitions
        PartitionWorkers a = instance("a", null);
        PartitionWorkers b = instance("b", null);
        Waits.until("partitions shared", Duration.ofSeconds(5), () -> owned(a) == 4 && owned(b) == 4);
        // WHEN updates are stored and the first instance dies mid-run, keeping its leases and its updates in hand
        int total = storeUpdates(3_000);
        Waits.until("a third handled", Duration.ofSeconds(10), () -> effects.applied() >= 1_000);
        a.halt();
        long crashed = System.nanoTime();
        // THEN within the lease (1 s) and a heartbeat the other owns everything and handles the rest, each once, in order
        Waits.until("all partitions taken over", Duration.ofSeconds(4), () -> owned(b) == SETTINGS.partitions());
        assertThat(Duration.ofNanos(System.nanoTime() - crashed)).isLessThan(Duration.ofSeconds(3));
        Waits.until("all handled", Duration.ofSeconds(15), () -> effects.applied() == total);
        assertThat(effects.deliveries.get() - total).as("updates handed over twice: at most those the crashed one had in hand")
                .isLessThanOrEqualTo(IN_FLIGHT);
        effects.assertEachChatInOrder(total / CHATS);
        Waits.until("queue empty", Duration.ofSeconds(5), () -> queued() == 0);
    }

    @Test
    void aChatStuckInItsHandlingHoldsBackOnlyItselfWhileEveryChatRunsInOrderOneUpdateAtATime() throws Exception {
        // GIVEN one instance, and the first update of chat 7 stuck in its handling (as behind a billing call that hangs)
        CountDownLatch stuck = effects.block("7,0");
        instance("one", null);
        long neighbours = java.util.stream.IntStream.range(0, CHATS).filter(chat -> chat != 7)
                .filter(chat -> UpdateStream.partition(chat, SETTINGS.partitions()) == UpdateStream.partition(7, SETTINGS.partitions()))
                .count();
        assertThat(neighbours).as("chats sharing chat 7's partition").isPositive();
        // WHEN five updates of each of the 40 chats arrive
        int total = storeUpdates(CHATS * 5);
        // THEN every other chat, those of chat 7's partition too, is handled in full while chat 7 is still stuck
        Waits.until("all other chats handled", Duration.ofSeconds(10), () -> effects.applied() == total - 5);
        assertThat(stuck.getCount()).isOne();
        assertThat(effects.orderByChat.get(7)).isNull();
        // WHEN chat 7's update comes unstuck
        stuck.countDown();
        // THEN chat 7's updates follow, in order; no chat ever had two updates in hand at once
        Waits.until("all handled", Duration.ofSeconds(10), () -> effects.applied() == total);
        effects.assertEachChatInOrder(5);
        assertThat(effects.overlaps.get()).as("updates of one chat handled at the same time").isZero();
        assertThat(effects.deliveries.get()).isEqualTo(total);
        Waits.until("queue empty", Duration.ofSeconds(5), () -> queued() == 0);
    }

    @Test
    void aLeaseLostWhileUpdatesWaitGivesThemUpAndTheyAreReadAgainInTheirChatsOrderWhenTheLeaseIsBack() throws Exception {
        // GIVEN one instance with chat 7's first update stuck in its handling and its later ones waiting behind it
        CountDownLatch stuck = effects.block("7,0");
        PartitionWorkers one = instance("one", null);
        int total = storeUpdates(CHATS * 5);
        Waits.until("all other chats handled", Duration.ofSeconds(10), () -> effects.applied() == total - 5);
        // WHEN every lease lapses (the keys gone, as after a pause longer than the lease) and the instance takes them again
        int partition = UpdateStream.partition(7, SETTINGS.partitions());
        for (int p = 0; p < SETTINGS.partitions(); p++) {
            redis.del(keys.updateLease(p));
        }
        Waits.until("chat 7's partition lost and taken again", Duration.ofSeconds(3),
                () -> redis.exists(keys.updateLease(partition)) && one.owns(partition));
        stuck.countDown();
        // THEN the waiting updates, given up when the lease was lost, are read again and handled once each, in order
        Waits.until("all handled", Duration.ofSeconds(10), () -> effects.applied() == total);
        effects.assertEachChatInOrder(5);
        assertThat(effects.deliveries.get()).isEqualTo(total);
        assertThat(effects.overlaps.get()).isZero();
        Waits.until("queue empty", Duration.ofSeconds(5), () -> queued() == 0);
    }

    @Test
    void updatesStoredBeforeACrashAreHandledOnceAfterTheRestart() {
        // GIVEN updates stored while no instance ran (the webhook answered 200, then the process died)
        int total = storeUpdates(400);
        // WHEN an instance starts
        instance("restarted", null);
        // THEN it handles them all, each once, in each chat's order
        Waits.until("all handled", Duration.ofSeconds(10), () -> effects.applied() == total);
        assertThat(effects.deliveries.get()).isEqualTo(total);
        effects.assertEachChatInOrder(total / CHATS);
    }

    @Test
    void anUpdateWhoseHandlingHitARedisFailureIsKeptAndRetriedBeforeTheChatsNextOne() {
        // GIVEN an instance whose handling of one update fails twice as if Redis failed under it
        AtomicInteger failures = new AtomicInteger(2);
        instance("flaky", json -> json.equals("7,0") && failures.getAndDecrement() > 0);
        // WHEN that chat's updates arrive
        int total = storeUpdates(CHATS * 3);
        // THEN the update is handled after the retries, and the chat's later updates only after it
        Waits.until("all handled", Duration.ofSeconds(10), () -> effects.applied() == total);
        assertThat(failures.get()).isNegative();
        effects.assertEachChatInOrder(3);
        assertThat(queued()).isZero();
    }

    @Test
    void anUpdateThatThrowsSomethingElseIsDroppedAndItsPartitionGoesOn() {
        // GIVEN an instance whose sink throws on one update, as reading an odd update might, outside its handling
        instance("strict", json -> {
            if (json.equals("7,0")) {
                throw new IllegalStateException("no chat in this update");
            }
            return false;
        });
        // WHEN that chat's updates arrive with the others
        int total = storeUpdates(CHATS * 3);
        // THEN that one is dropped (retrying would throw again), and everything else, its chat's later ones too, is handled
        Waits.until("all but one handled", Duration.ofSeconds(10), () -> effects.applied() == total - 1);
        assertThat(effects.done).doesNotContain("7,0").contains("7,1", "7,2");
        Waits.until("queue empty", Duration.ofSeconds(5), () -> queued() == 0);
    }

    private PartitionWorkers instance(String name, java.util.function.Predicate<String> failWithRedis) {
        PartitionLeases leases = new PartitionLeases(stream, SETTINGS, name, Clock.systemUTC());
        PartitionWorkers workers = new PartitionWorkers(stream, leases, SETTINGS, IN_FLIGHT, (partition, id, json) -> {
            if (failWithRedis != null && failWithRedis.test(json)) {
                return Outcome.RETRY;
            }
            effects.apply(name, json);
            return Outcome.HANDLED;
        });
        workers.start();
        started.add(workers);
        return workers;
    }

    /** Stores updates "chat,seq" for 40 chats in turn, in each chat's order; returns how many. */
    private int storeUpdates(int count) {
        for (int i = 0; i < count; i++) {
            int chat = i % CHATS;
            stream.append(UpdateStream.partition(chat, SETTINGS.partitions()), chat, chat + "," + i / CHATS);
        }
        return count;
    }

    private long owned(PartitionWorkers workers) {
        return java.util.stream.IntStream.range(0, SETTINGS.partitions()).filter(workers::owns).count();
    }

    private long queued() {
        return java.util.stream.IntStream.range(0, SETTINGS.partitions()).mapToLong(stream::length).sum();
    }
}
