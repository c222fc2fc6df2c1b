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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final String HOOK_SECRET = "outage_hook_secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
                // Telegram's offset confirms a stored batch after at most 5 s even if it is not handled yet
                Waits.until("the plan summary", Duration.ofSeconds(15), () -> chat.shows(ChatDriver.CONFIRM));
                chat.tap(ChatDriver.CONFIRM, false);
                assertThat(chat.lastUrlButton()).contains("/sandbox/checkout/");
            }
        }
    }

    @Test
    void inWebhookModeAnUpdateRedisCannotStoreIsTold503AndItsUserOnceThenItIsAnsweredWhenSentAgain() throws Exception {
        String prefix = TestRedis.uniquePrefix("outage-hook");
        TestUser user = TestUser.english(950_002, "Ada");
        try (RestartableRedis redis = new RestartableRedis().start(); FakeBotApi telegram = new FakeBotApi().start()) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
            settings.put("redis.url", redis.url());
            settings.put("telegram.webhook-url", "https://bot.example/telegram/webhook");
            settings.put("telegram.webhook-secret", HOOK_SECRET);
            try (RunningBot bot = RunningBot.start(settings, null)) {
                ChatDriver chat = new ChatDriver(telegram, user);
                // GIVEN Redis stopped
                redis.stop();
                String start = TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null).toString();
                // WHEN Telegram posts an update, and (answered 503) posts it again
                int first = post(bot, start);
                int again = post(bot, start);
                // THEN both are 503 and the user is told once that the bot is unavailable
                assertThat(List.of(first, again)).containsOnly(503);
                Waits.until("an answer to the user", Duration.ofSeconds(15), () -> !chat.visibleSince(0).isEmpty());
                assertThat(chat.visibleSince(0)).hasSize(1).allSatisfy(call -> assertThat(call.text()).contains(UNAVAILABLE));

                // WHEN Redis is back and Telegram posts it once more
                redis.start();
                int mark = chat.mark();
                Waits.until("the update stored", Duration.ofSeconds(15), () -> post(bot, start) == 200);
                // THEN it is answered with the menu, once
                Waits.until("the menu", Duration.ofSeconds(15), () -> !chat.visibleSince(mark).isEmpty());
                Waits.pause(Duration.ofMillis(500));
                assertThat(chat.visibleSince(mark)).hasSize(1).noneSatisfy(call -> assertThat(call.text()).contains(UNAVAILABLE));
            }
        }
    }

    private static int post(RunningBot bot, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", HOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String session(RestartableRedis redis, String prefix, TestUser user) {
        try (UnifiedJedis client = RedisClient.create(java.net.URI.create(redis.url()))) {
            return client.get(new dev.esimbot.session.RedisKeys(prefix).session(user.id()));
        }
    }
}
