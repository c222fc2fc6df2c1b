package dev.esimbot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Free text through the whole app, with a staff group and the admin API. Texts about paying, refunds or cancelling,
 * some asking for a person or a language at the same time ("人工退款", "refund in chinese please"), never open a
 * ticket, switch the language or make an order by themselves: the user gets an answer with buttons and taps. A text
 * the bot does not understand is answered, then listed masked for the shop.
 */
class FreeTextThroughTheBotTest {

    private static final long STAFF = -100_555_000_111L;
    private static final String TOKEN = "test-admin-token-understanding-01";
    private static FakeBotApi telegram;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        telegram.staffGroup(STAFF, true);
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("money-texts"));
        settings.put("support.chat-id", Long.toString(STAFF));
        settings.put("announce.admin-token", TOKEN);
        settings.put("notices.enabled", "false");
        settings.put("limits.messages-per-minute", "1000");
        bot = RunningBot.start(settings, null);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void moneyTextsAtTheMenuOpenNoTicketAndSwitchNothing() throws IOException {
        // GIVEN an English and a Chinese user at the menu
        ChatDriver english = new ChatDriver(telegram, TestUser.english(4_200_001, "Ann"));
        ChatDriver chinese = new ChatDriver(telegram, TestUser.chinese(4_200_002, "李雷"));
        english.send("/start");
        chinese.send("/start");
        List<String> texts = moneyTexts();

        // WHEN each sends every money text
        for (String text : texts) {
            english.send(text);
            chinese.send(text);
        }

        // THEN nobody reached the staff group, no order was made, and each still speaks their language
        assertThat(texts).hasSizeGreaterThanOrEqualTo(30);
        assertThat(telegram.calls("createForumTopic")).isEmpty();
        assertThat(telegram.messagesTo(STAFF)).isEmpty();
        english.send("/start");
        chinese.send("/start");
        assertThat(telegram.lastMessageTo(4_200_001).path("text").asText()).contains("Your eSIMs");
        assertThat(telegram.lastMessageTo(4_200_002).path("text").asText()).contains("您的 eSIM");
        assertThat(telegram.messagesTo(4_200_001)).noneMatch(m -> m.path("text").asText().contains("Order <b>"));
    }

    @Test
    void textAboutAPersonOffersTheButtonInsteadOfOpeningATicket() {
        // GIVEN an English and a Chinese user at the menu
        ChatDriver english = new ChatDriver(telegram, TestUser.english(4_300_001, "Ann"));
        ChatDriver chinese = new ChatDriver(telegram, TestUser.chinese(4_300_002, "李雷"));
        english.send("/start");
        chinese.send("/start");

        // WHEN they write about people, thank the staff, or say they need nobody
        for (String text : List.of("someone recommended this esim to me", "the staff were great, thanks",
                "no thanks, I dont need a person", "no need for an agent", "i don't need a human")) {
            english.send(text);
            // THEN no ticket is opened: at most the button to open one, for a tap
            assertThat(telegram.calls("createForumTopic")).as(text).isEmpty();
        }
        english.send("the staff were great, thanks");
        assertThat(buttons(4_300_001)).contains("🙋 Talk to a human");
        for (String text : List.of("不用转人工了，已经好了", "不需要人工客服", "工作人员很好，谢谢")) {
            chinese.send(text);
            assertThat(telegram.calls("createForumTopic")).as(text).isEmpty();
        }
        assertThat(telegram.messagesTo(STAFF)).isEmpty();
    }

    @Test
    void textNamingALanguageSetsThatOneAndOtherwiseOffersTheButton() {
        // GIVEN an English and a Chinese user at the menu
        ChatDriver english = new ChatDriver(telegram, TestUser.english(4_400_001, "Ann"));
        ChatDriver chinese = new ChatDriver(telegram, TestUser.chinese(4_400_002, "李雷"));
        english.send("/start");
        chinese.send("/start");

        // WHEN each names their own language, says not to switch, or asks about one
        for (String text : List.of("english please", "dont switch the language", "is the text in chinese too")) {
            english.send(text);
            // THEN the language stays, and the 🌐 button is offered
            assertThat(telegram.lastMessageTo(4_400_001).path("text").asText()).as(text).contains("tap the button");
            assertThat(buttons(4_400_001)).as(text).contains("🌐 中文");
        }
        for (String text : List.of("中文", "请用中文回答")) {
            chinese.send(text);
            assertThat(telegram.lastMessageTo(4_400_002).path("text").asText()).as(text).contains("请点击下方按钮");
            assertThat(buttons(4_400_002)).as(text).contains("🌐 English");
        }

        // WHEN the Chinese user asks for English, THEN the bot speaks English
        chinese.send("english please");
        chinese.send("/start");
        assertThat(telegram.lastMessageTo(4_400_002).path("text").asText()).contains("Your eSIMs");
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
        assertThat(get("/admin/unanswered?language=zh", TOKEN).body()).contains("\"language\":\"zh\"")
                .doesNotContain("weird symbol");
    }

    @Test
    void theListNeedsTheAdminTokenAndSaneParameters() throws Exception {
        assertThat(get("/admin/unanswered?language=en", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/unanswered?language=fr", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/admin/unanswered?limit=0", TOKEN).statusCode()).isEqualTo(400);
    }

    /** The labels of the buttons under the last message to the chat. */
    private static List<String> buttons(long chatId) {
        List<String> labels = new ArrayList<>();
        telegram.lastMessageTo(chatId).path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(button -> labels.add(button.path("text").asText())));
        return labels;
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bot.baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> moneyTexts() throws IOException {
        try (InputStream in = FreeTextThroughTheBotTest.class.getResourceAsStream("/understanding/money_texts.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
