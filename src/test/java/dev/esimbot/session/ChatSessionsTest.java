package dev.esimbot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.session.ChatSessions.Outcome;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class ChatSessionsTest {

    private static UnifiedJedis redis;
    private static RedisKeys keys;
    private static RedisProperties properties;

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
        properties = new RedisProperties(TestRedis.url(), TestRedis.uniquePrefix("sessions"), Duration.ofHours(24),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
        keys = new RedisKeys(properties.keyPrefix());
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    private static ChatSessions instance() {
        return new ChatSessions(redis, keys, properties, new SessionCodec());
    }

    @Test
    void twoInstancesNeverInterleaveUpdatesOfOneChat() throws Exception {
        // GIVEN two instances of the session store on one Redis, each with its own threads
        ChatSessions first = instance();
        ChatSessions second = instance();
        long chatId = 1001;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(200);
        // WHEN 200 read-modify-write updates of one chat race through both
        for (int i = 0; i < 200; i++) {
            ChatSessions sessions = i % 2 == 0 ? first : second;
            pool.submit(() -> {
                sessions.withChat(chatId, s -> {
                    int count = Integer.parseInt(s.data().getOrDefault("n", "0"));
                    Thread.onSpinWait();
                    return new Outcome<>(s.with("MENU", Map.of("n", Integer.toString(count + 1))), false, null);
                });
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        // THEN no update was lost
        assertThat(first.peek(chatId).get("n")).isEqualTo("200");
    }

    @Test
    void idleSessionsExpireButOneWaitingForPaymentDoesNot() {
        ChatSessions sessions = instance();
        sessions.withChat(2001, s -> new Outcome<>(s.with("MENU", Map.of()), false, null));
        sessions.withChat(2002, s -> new Outcome<>(s.with("AWAITING_PAYMENT", Map.of()), true, null));

        long idleTtl = redis.pttl(keys.session(2001));
        assertThat(idleTtl).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
        assertThat(redis.pttl(keys.session(2002))).isEqualTo(-1);
    }

    @Test
    void aRepeatedUpdateIsRecognised() {
        ChatSessions sessions = instance();
        sessions.withChat(3001, s -> new Outcome<>(s.with("MENU", Map.of()).withUpdate(77), false, null));

        assertThat(sessions.peek(3001).handled(77)).isTrue();
        assertThat(sessions.peek(3001).handled(78)).isFalse();
    }

    @Test
    void aHolderWhoseLeaseExpiredCannotOverwriteTheSession() {
        // GIVEN a chat whose lock was taken over by someone else while the work ran
        ChatSessions sessions = instance();
        long chatId = 4001;
        assertThatThrownBy(() -> sessions.withChat(chatId, s -> {
            redis.set(keys.lock(chatId), "someone-else");
            return new Outcome<>(s.with("CONFIRMING_ORDER", Map.of()), false, null);
        })).isInstanceOf(ChatLeaseLostException.class);
        // THEN the stale write did not happen, and the other holder's lock is untouched
        assertThat(sessions.peek(chatId).isNew()).isTrue();
        assertThat(redis.get(keys.lock(chatId))).isEqualTo("someone-else");
        redis.del(keys.lock(chatId));
    }

    @Test
    void everyTurnLeavesTheChatUnlocked() {
        // GIVEN turns that save, keep the stored session, and fail
        ChatSessions sessions = instance();
        long chatId = 6001;
        // WHEN each runs
        sessions.withChat(chatId, s -> new Outcome<>(s.with("MENU", Map.of("n", "1")), false, null));
        boolean savedUnlocked = !redis.exists(keys.lock(chatId));
        sessions.withChat(chatId, s -> new Outcome<Void>(null, false, null));
        boolean keptUnlocked = !redis.exists(keys.lock(chatId));
        assertThatThrownBy(() -> sessions.withChat(chatId, s -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        // THEN no lock is left behind, and the saved session is what the failed turn did not touch
        assertThat(savedUnlocked).isTrue();
        assertThat(keptUnlocked).isTrue();
        assertThat(redis.exists(keys.lock(chatId))).isFalse();
        assertThat(sessions.peek(chatId).get("n")).isEqualTo("1");
    }

    @Test
    void anUnreadableSessionFailsTheTurnButLeavesTheChatUnlocked() {
        // GIVEN a chat whose stored session is not JSON the codec reads
        ChatSessions sessions = instance();
        long chatId = 6002;
        redis.set(keys.session(chatId), "{not json");
        // WHEN a turn comes THEN it fails, and the chat is not left locked for the next one
        assertThatThrownBy(() -> sessions.withChat(chatId, s -> new Outcome<Void>(null, false, null)))
                .isInstanceOf(RuntimeException.class);
        assertThat(redis.exists(keys.lock(chatId))).isFalse();
        redis.del(keys.session(chatId));
    }

    @Test
    void aChatLockedByAnotherIsRefusedOnceTheWaitRunsOut() {
        // GIVEN a store that waits 100 ms for a chat's lock, and a chat whose lock another holder keeps
        ChatSessions impatient = new ChatSessions(redis, keys, new RedisProperties(properties.url(), properties.keyPrefix(),
                Duration.ofHours(24), Duration.ofSeconds(20), Duration.ofMillis(100)), new SessionCodec());
        long chatId = 7001;
        redis.set(keys.lock(chatId), "someone-else");
        // WHEN a turn comes THEN it is refused as busy, without running, and the other's lock stays
        assertThatThrownBy(() -> impatient.withChat(chatId, s -> {
            throw new AssertionError("ran without the lock");
        })).isInstanceOf(ChatBusyException.class);
        assertThat(redis.get(keys.lock(chatId))).isEqualTo("someone-else");
        redis.del(keys.lock(chatId));
    }

    @Test
    void aSessionStaysSmall() {
        ChatSessions sessions = instance();
        Session big = Session.empty().with("AWAITING_PAYMENT", Map.of("l", "ZH", "e", "8985200000001234567", "p", "pe-7d",
                "o", "ord_8f2a9c1d3e", "a", "12", "v", "473"));
        for (long u = 0; u < 40; u++) {
            big = big.withUpdate(900_000_000L + u);
        }
        Session stored = big;
        sessions.withChat(5001, s -> new Outcome<>(stored, false, null));

        assertThat(redis.memoryUsage(keys.session(5001))).isLessThan(2048);
    }
}
