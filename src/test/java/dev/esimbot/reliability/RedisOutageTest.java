package dev.esimbot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RestartableRedis;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis stops in the middle of a conversation and starts again (same port, same append-only file, as a production
 * Redis with persistence comes back after a restart). Meanwhile the user is told the bot is temporarily unavailable;
 * afterwards the conversation goes on where it stood, without restarting the bot.
 */
class RedisOutageTest {

    private static final String UNAVAILABLE = "temporarily unavailable";

    @Test
    void redisStoppedMidConversationIsToldThenTheConversationGoesOnWhereItStood() {
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
                chat.tap(ChatDriver.RENEW, false);
                chat.send("/help");

                // THEN each is answered: temporarily unavailable
                List<Call> answers = chat.visibleSince(mark);
                assertThat(answers).hasSize(2).allSatisfy(call -> assertThat(call.text()).contains(UNAVAILABLE));

                // WHEN Redis is back (same data), and the user taps Renew again
                redis.start();
                assertThat(session(redis, prefix, user)).as("the stored session after the restart").isEqualTo(before);
                mark = chat.mark();
                chat.tap(ChatDriver.RENEW, false);

                // THEN the bot answers from where the conversation stood: the plans of that eSIM
                assertThat(chat.visibleSince(mark)).singleElement().extracting(Call::text).asString()
                        .doesNotContain(UNAVAILABLE).contains("Peru");
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
