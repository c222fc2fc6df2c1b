package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.BotRedis;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flood control, the size limit of texts, and buttons that are forged or belong to an older message. */
class HardeningTest {

    private static final String PREFIX = TestRedis.uniquePrefix("hardening");
    private static FakeBotApi telegram;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), PREFIX);
        settings.put("limits.messages-per-minute", "5");
        settings.put("limits.silence", "2s");
        settings.put("limits.max-text", "300");
        bot = RunningBot.start(settings, null);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void aFloodingUserIsAskedOnceToSlowDownThenIgnoredForAWhileThenHeardAgain() {
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(940_001, "Fay"));
        int mark = chat.mark();
        for (int i = 0; i < 8; i++) {
            chat.send("/help");
        }
        List<Call> answers = chat.visibleSince(mark);
        assertThat(answers).as("five answers, then one slow-down, then silence").hasSize(6);
        assertThat(answers.get(5).text()).contains("Please slow down").contains("2 seconds");
        Waits.pause(Duration.ofMillis(2100)); // the silence lapses by its TTL in Redis
        int later = chat.mark();
        chat.send("/help");
        assertThat(chat.visibleSince(later)).as("answered again after the silence").hasSize(1);
    }

    @Test
    void anOversizedTextGetsAClearAnswerAndChangesNothing() {
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(940_002, "Gil"));
        chat.send("/start");
        String before = new BotRedis(PREFIX).session(940_002);
        int mark = chat.mark();
        chat.send("8".repeat(4096));
        assertThat(chat.visibleSince(mark)).singleElement().extracting(Call::text).asString()
                .contains("too long").contains("4096 characters").contains("at most 300");
        assertThat(stateOf(new BotRedis(PREFIX).session(940_002))).isEqualTo(stateOf(before));
    }

    @Test
    void forgedAndStaleButtonsAreRefusedWithAHintAndChangeNothing() {
        TestUser user = TestUser.english(940_003, "Hal");
        ChatDriver chat = new ChatDriver(telegram, user);
        chat.send("/start");
        ObjectNode stale = chat.press("Global 30-Day"); // drawn on the menu, tapped after the screen moved on
        chat.tap("Peru 7-Day", false);
        String before = new BotRedis(PREFIX).session(user.id());
        // a forged button: well within 64 bytes, but not one the bot ever drew
        int mark = chat.mark();
        chat.deliver(TelegramUpdates.callback(telegram.nextUpdateId(), user, 1, "pl:FREE-PLAN"));
        assertThat(chat.visibleSince(mark)).singleElement().extracting(Call::text).asString()
                .contains("That button does not work");
        mark = chat.mark();
        stale.put("update_id", telegram.nextUpdateId());
        chat.deliver(stale);
        assertThat(chat.visibleSince(mark)).singleElement().extracting(Call::text).asString()
                .contains("older message");
        assertThat(stateOf(new BotRedis(PREFIX).session(user.id()))).isEqualTo(stateOf(before));
    }

    /** The session's state name, from its JSON. */
    private static String stateOf(String sessionJson) {
        return sessionJson.replaceAll(".*\"s\":\"([A-Z_]+)\".*", "$1");
    }
}
