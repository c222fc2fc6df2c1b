package dev.esimbot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RestartableRedis;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis stops in the middle of a conversation and starts again (same port, same append-only file, as a production
 * Redis with persistence comes back after a restart). Meanwhile the user is told the bot is temporarily unavailable
 * and Telegram keeps the updates (they could not be stored, so the polling offset stays before them); afterwards they
 * are stored and answered, and the conversation goes on where it stood, without restarting the bot.
 */
class RedisOutageTest {

    private static final String UNAVAILABLE = "temporarily unavailable";

    @Test
    void redisStoppedMidConversationIsToldThenTheHeldUpdatesAreAnsweredWhereItStood() {
        String prefix = TestRedis.uniquePrefix("outage");
        TestUser user = TestUser.english(950_001, "Ivo");
        try (RestartableRedis redis = new RestartableRedis().start(); FakeBotApi telegram = new FakeBotApi().start()) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
            settings.put("redis.url", redis.url());
            try (RunningBot bot = RunningBot.start(settings, null)) {
                // GIVEN a user looking at one eSIM
                ChatDriver chat = new ChatDriver(telegram, user);
                chat.send("/start");
                chat.tap("Peru 7-Day", false);
                String before = session(redis, prefix, user);

                // WHEN Redis stops and the user taps Renew and writes
                redis.stop();
                int mark = chat.mark();
                telegram.enqueue(chat.press(ChatDriver.RENEW));
                long help = telegram.nextUpdateId();
                telegram.enqueue(TelegramUpdates.command(help, user, "/help", null));

                // THEN each is answered: temporarily unavailable; and Telegram keeps both, as nothing could be stored
                Waits.until("two answers while Redis is down", Duration.ofSeconds(15), () -> chat.visibleSince(mark).size() >= 2);
                assertThat(chat.visibleSince(mark)).hasSize(2).allSatisfy(call -> assertThat(call.text()).contains(UNAVAILABLE));
                assertThat(telegram.unconfirmedCount()).as("updates Telegram still holds").isEqualTo(2);

                // WHEN Redis is back (same data)
                int back = chat.mark();
                redis.start();

                // THEN nothing was lost: both are answered now, in order, from where the conversation stood
                telegram.awaitConfirmed(help, Duration.ofSeconds(20));
                Waits.until("the held updates answered", Duration.ofSeconds(15), () -> chat.visibleSince(back).size() >= 2);
                List<Call> later = chat.visibleSince(back);
                assertThat(later).hasSize(2).noneSatisfy(call -> assertThat(call.text()).contains(UNAVAILABLE));
                assertThat(later.get(0).text()).as("the answer to Renew: the plans of that eSIM").contains("Peru");
                assertThat(session(redis, prefix, user)).as("the stored session moved on").isNotEqualTo(before);
                chat.tap("Peru Weekly 3 GB", false);
                chat.tap(ChatDriver.CONFIRM, false);
                assertThat(chat.lastUrlButton()).contains("/sandbox/checkout/");
            }
        }
    }

    private static String session(RestartableRedis redis, String prefix, TestUser user) {
        try (UnifiedJedis client = RedisClient.create(java.net.URI.create(redis.url()))) {
            return client.get(new dev.esimbot.session.RedisKeys(prefix).session(user.id()));
        }
    }
}
