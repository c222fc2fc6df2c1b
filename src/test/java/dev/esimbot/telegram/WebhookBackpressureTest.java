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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backpressure at the webhook: while the queue holds more than {@code UPDATES_MAX_BACKLOG} updates, Telegram's POST is
 * answered 503 and nothing is stored, so Telegram keeps the update and sends it again; once the backlog drains, the
 * same update is taken. A slow Telegram reply holds the one worker of a partition, so its chats' updates queue up.
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
                // GIVEN chats of one partition, and Telegram slow to take the first reply
                List<TestUser> users = usersOfOnePartition(6);
                telegram.delayNext("sendMessage", Duration.ofSeconds(3));
                // WHEN their updates arrive while the first is in hand
                for (TestUser user : users.subList(0, 5)) {
                    assertThat(post(bot, start(telegram, user))).as("accepted while under the bound").isEqualTo(200);
                }
                Thread.sleep(300); // the queue depth is read every 100 ms
                String sixth = start(telegram, users.get(5));
                // THEN the next one is refused with 503, and not stored
                assertThat(post(bot, sixth)).isEqualTo(503);
                // WHEN Telegram sends it again after the backlog drained
                Waits.until("the backlog drained", Duration.ofSeconds(10),
                        () -> !telegram.messagesTo(users.get(4).id()).isEmpty());
                Thread.sleep(300);
                assertThat(post(bot, sixth)).isEqualTo(200);
                // THEN every chat got its answer, the refused one once
                Waits.until("all answered", Duration.ofSeconds(10),
                        () -> users.stream().allMatch(user -> !telegram.messagesTo(user.id()).isEmpty()));
                assertThat(telegram.messagesTo(users.get(5).id())).hasSize(1);
            }
        }
    }

    private static List<TestUser> usersOfOnePartition(int count) {
        List<TestUser> users = new ArrayList<>();
        int partition = UpdateStream.partition(962_000, 16);
        for (long id = 962_000; users.size() < count; id++) {
            if (UpdateStream.partition(id, 16) == partition) {
                users.add(TestUser.english(id, "P" + users.size()));
            }
        }
        return users;
    }

    private static String start(FakeBotApi telegram, TestUser user) {
        return TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null).toString();
    }

    private int post(RunningBot bot, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bot.baseUrl() + WebhookController.PATH))
                .header(WebhookController.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
