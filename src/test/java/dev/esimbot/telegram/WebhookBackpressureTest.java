package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
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

/**
 * Backpressure at the webhook: while the queue holds {@code UPDATES_MAX_BACKLOG} updates or more, Telegram's POST is
 * answered 503 and nothing is stored, so Telegram keeps the update and sends it again; once the backlog drains, the
 * same update is taken. Chats run in parallel, so what builds a backlog here is one chat whose first reply Telegram is
 * slow to take: its later updates wait in order behind it, stored.
 */
class WebhookBackpressureTest {

    private static final String SECRET = "backpressure-secret";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void overTheBacklogBoundTheWebhookAnswers503UntilTheQueueDrainsAndNothingIsLost() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi().start()) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("backpressure"));
            settings.put("telegram.webhook-url", "https://bot.example/telegram/webhook");
            settings.put("telegram.webhook-secret", SECRET);
            settings.put("updates.max-backlog", "3");
            try (RunningBot bot = RunningBot.start(settings, null)) {
                // GIVEN a chat whose first reply Telegram is slow to take, and another chat
                TestUser slow = TestUser.english(962_001, "Slow");
                TestUser other = TestUser.english(962_002, "Other");
                telegram.delayNext("sendMessage", Duration.ofSeconds(3));
                // WHEN the slow chat sends three updates, the first in hand and the others queued behind it
                for (String text : List.of("/start", "/help", "/start")) {
                    assertThat(post(bot, command(telegram, slow, text))).as("accepted while under the bound").isEqualTo(200);
                }
                Thread.sleep(300); // the queue depth is read every 100 ms
                String refused = command(telegram, other, "/start");
                // THEN the other chat's update is refused with 503, and not stored
                assertThat(post(bot, refused)).isEqualTo(503);
                // WHEN Telegram sends it again after the backlog drained
                Waits.until("the backlog drained", Duration.ofSeconds(10), () -> telegram.messagesTo(slow.id()).size() >= 3);
                Thread.sleep(300);
                assertThat(post(bot, refused)).isEqualTo(200);
                // THEN every update got its answer, the refused one once
                Waits.until("all answered", Duration.ofSeconds(10), () -> !telegram.messagesTo(other.id()).isEmpty());
                assertThat(telegram.messagesTo(other.id())).hasSize(1);
                assertThat(telegram.messagesTo(slow.id())).hasSize(3);
            }
        }
    }

    private static String command(FakeBotApi telegram, TestUser user, String text) {
        return TelegramUpdates.command(telegram.nextUpdateId(), user, text, null).toString();
    }

    private int post(RunningBot bot, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bot.baseUrl() + WebhookController.PATH))
                .header(WebhookController.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
