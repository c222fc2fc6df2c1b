package dev.esimbot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * An instance died in the middle of a chat's turn, leaving the chat's lock to lapse with its lease. The next update
 * of that chat must wait for it, not be dropped: it is kept in the update queue and answered once the lock is free.
 */
class StaleChatLockTest {

    @Test
    void anUpdateOfAChatLockedByADeadInstanceIsKeptAndAnsweredOnceTheLockLapses() {
        String prefix = TestRedis.uniquePrefix("stale-lock");
        TestUser user = TestUser.english(951_001, "Lea");
        try (FakeBotApi telegram = new FakeBotApi().start(); UnifiedJedis redis = TestRedis.client()) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
            settings.put("redis.lock-wait", "300ms");
            try (RunningBot bot = RunningBot.start(settings, null)) {
                // GIVEN the chat's lock left by an instance that died mid-turn (its lease runs 3 more seconds)
                redis.set(new RedisKeys(prefix).lock(user.id()), "a-dead-instance", SetParams.setParams().px(3_000));
                ChatDriver chat = new ChatDriver(telegram, user);
                int mark = chat.mark();

                // WHEN the user writes
                telegram.enqueue(TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null));

                // THEN they hear once that the chat is busy, and the update is answered once the lock lapsed
                Waits.until("the menu after the lock lapsed", Duration.ofSeconds(20), () -> chat.visibleSince(mark).size() >= 2);
                Waits.pause(Duration.ofMillis(500));
                List<Call> answers = chat.visibleSince(mark);
                assertThat(answers).hasSize(2);
                assertThat(answers.get(0).text()).contains("Still working on your previous message");
                assertThat(answers.get(1).text()).contains("I help you check your eSIM");
            }
        }
    }
}
