package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.UnifiedJedis;

/**
 * The whole app in webhook mode against the fake Bot API: Telegram's POSTs are played with real HTTP requests to the
 * app's endpoint, as Telegram sends them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookModeTest {

    private static final String SECRET = "s3cret_Token-for-tests";
    private static final String HOOK = "https://bot.example/telegram/webhook";
    private static final String PREFIX = TestRedis.uniquePrefix("webhook");

    private static FakeBotApi telegram;
    private static RunningBot bot;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), PREFIX);
        settings.put("telegram.webhook-url", HOOK);
        settings.put("telegram.webhook-secret", SECRET);
        bot = RunningBot.start(settings, null);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void startUpSetsTheWebhookWithTheSecretAndNoGetUpdatesIsMade() {
        Call setWebhook = telegram.awaitCall("setWebhook", Duration.ofSeconds(5));
        assertThat(setWebhook.param("url")).isEqualTo(HOOK);
        assertThat(setWebhook.param("secret_token")).isEqualTo(SECRET);
        assertThat(telegram.calls("getUpdates")).isEmpty();
    }

    @Test
    void anUpdateWithTheSecretIsStoredAnsweredAndRemovedFromTheQueue() throws Exception {
        TestUser user = TestUser.english(960_001, "Wen");
        int status = post(TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null).toString(), SECRET);
        assertThat(status).isEqualTo(200);
        Waits.until("the answer", Duration.ofSeconds(10), () -> !telegram.messagesTo(user.id()).isEmpty());
        Waits.until("the queue emptied", Duration.ofSeconds(5), () -> queued() == 0);
        assertThat(prometheus()).contains("bot_updates_queue{", "partition=\"0\"");
    }

    @Test
    void anUpdateThatCannotBeStoredIs503AndOnlyToldTheBotIsUnavailableNeverHandledOutsideTheQueue() throws Exception {
        // GIVEN a chat whose partition stream cannot take entries (a string where the stream should be), while the
        // rest of Redis works: storing fails, a turn would not
        TestUser user = TestUser.english(960_005, "Zoe");
        String stream = new RedisKeys(PREFIX).updateStream(UpdateStream.partition(user.id(), 16));
        try (UnifiedJedis redis = TestRedis.client()) {
            redis.set(stream, "not a stream");
            try {
                // WHEN Telegram posts the user's /start
                int status = post(TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null).toString(), SECRET);
                // THEN 503, the user hears the bot is unavailable, and the turn did not run: no menu, no session
                assertThat(status).isEqualTo(503);
                Waits.until("the answer", Duration.ofSeconds(10), () -> !telegram.messagesTo(user.id()).isEmpty());
                Thread.sleep(300);
                assertThat(telegram.messagesTo(user.id())).hasSize(1)
                        .allSatisfy(message -> assertThat(message.path("text").asText()).contains("temporarily unavailable"));
                assertThat(redis.exists(new RedisKeys(PREFIX).session(user.id()))).isFalse();
            } finally {
                redis.del(stream);
            }
        }
    }

    @Test
    void aMissingOrWrongSecretIs401AndNothingIsStoredOrAnswered() throws Exception {
        TestUser user = TestUser.english(960_002, "Xia");
        String update = TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null).toString();
        assertThat(post(update, null)).isEqualTo(401);
        assertThat(post(update, SECRET + "x")).isEqualTo(401);
        assertThat(post(update, "")).isEqualTo(401);
        Thread.sleep(300);
        assertThat(telegram.messagesTo(user.id())).isEmpty();
        assertThat(queued()).isZero();
    }

    @Test
    void aBodyThatIsNoUpdateIs400AndNothingIsStored() throws Exception {
        assertThat(post("{\"update_id\": 5, \"message\": {\"chat\": ", SECRET)).isEqualTo(400);
        assertThat(post("[1,2,3]", SECRET)).isEqualTo(400);
        assertThat(post("{}", SECRET)).isEqualTo(400);
        assertThat(queued()).isZero();
    }

    @Test
    void aBodyLargerThanAnyUpdateIs413WithTheSecretAnd401WithoutAndNothingIsStored() throws Exception {
        // GIVEN a body of 1.5 MB, more than the most the webhook reads (1 MB)
        String huge = "{\"update_id\": 7, \"message\": {\"text\": \"" + "x".repeat(1_500_000) + "\"}}";

        // WHEN it is posted with the secret, and without it, THEN it is refused unread (without: before any reading)
        assertThat(post(huge, SECRET)).isEqualTo(413);
        assertThat(post(huge, null)).isEqualTo(401);
        assertThat(queued()).isZero();
    }

    /** Runs last: it stops the update queue, as the first step of a graceful shutdown does. */
    @Test
    @Order(Integer.MAX_VALUE)
    void onceStoppingTheWebhookAnswers503SoTelegramSendsTheUpdateAgainLater() throws Exception {
        TestUser user = TestUser.english(960_003, "Yan");
        bot.bean(UpdateQueue.class).stop();
        int status = post(TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null).toString(), SECRET);
        assertThat(status).isEqualTo(503);
        assertThat(queued()).isZero();
    }

    private static long queued() {
        try (UnifiedJedis redis = TestRedis.client()) {
            RedisKeys keys = new RedisKeys(PREFIX);
            return IntStream.range(0, 16).mapToLong(p -> redis.xlen(keys.updateStream(p))).sum();
        }
    }

    static int post(String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bot.baseUrl() + WebhookController.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookController.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String prometheus() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/actuator/prometheus")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
