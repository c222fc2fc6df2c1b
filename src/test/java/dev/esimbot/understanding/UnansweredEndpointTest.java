package dev.esimbot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole app: a text the bot does not understand is answered, then listed masked on the admin API. */
class UnansweredEndpointTest {

    private static final String TOKEN = "test-admin-token-understanding-01";
    private static FakeBotApi telegram;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("unanswered-api"));
        settings.put("announce.admin-token", TOKEN);
        settings.put("notices.enabled", "false");
        bot = RunningBot.start(settings, null);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void aMissIsAnsweredAndListedMaskedForTheShop() throws Exception {
        // GIVEN a user at the menu
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(4_100_001, "Ann"));
        chat.send("/start");

        // WHEN they write something the bot cannot place, with their e-mail and order number in it
        chat.send("My phone shows a weird symbol next to the signal bars, ann@example.com, ref 123456");

        // THEN they get the closest topics and a person, and the shop reads the text without the personal parts
        String answer = telegram.lastMessageTo(4_100_001).path("text").asText();
        assertThat(answer).contains("not sure");
        HttpResponse<String> listed = get("/admin/unanswered?language=en&limit=10", TOKEN);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("my phone shows a weird symbol next to the signal bars, <email>, ref <number>")
                .contains("\"times\":1").doesNotContain("ann@example.com").doesNotContain("123456");
        assertThat(get("/admin/unanswered?language=zh", TOKEN).body()).contains("\"texts\":[]");
    }

    @Test
    void theListNeedsTheAdminTokenAndSaneParameters() throws Exception {
        assertThat(get("/admin/unanswered?language=en", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/unanswered?language=fr", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/admin/unanswered?limit=0", TOKEN).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bot.baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
