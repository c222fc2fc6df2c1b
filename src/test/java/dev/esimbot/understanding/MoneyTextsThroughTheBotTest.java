package dev.esimbot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole app, with a staff group: texts about paying, refunds or cancelling, some asking for a person or a
 * language at the same time ("人工退款", "refund in chinese please"), never open a ticket, switch the language or
 * make an order by themselves. The user gets an answer with buttons and taps.
 */
class MoneyTextsThroughTheBotTest {

    private static final long STAFF = -100_555_000_111L;
    private static FakeBotApi telegram;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        telegram.staffGroup(STAFF, true);
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("money-texts"));
        settings.put("support.chat-id", Long.toString(STAFF));
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

    private static List<String> moneyTexts() throws IOException {
        try (InputStream in = MoneyTextsThroughTheBotTest.class.getResourceAsStream("/understanding/money_texts.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
