package dev.esimbot.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Working hours, bumps of tickets left waiting, and a staff group that cannot be reached, on a test clock that starts
 * on Sunday 2026-11-22 10:00 UTC (18:00 in Shanghai) with agents working MON-FRI 09:00-18:00 Shanghai time.
 */
class SupportHoursAndBumpsTest {

    private static final long STAFF = -100_200_000_001L;
    private static final TestUser AGENT = TestUser.english(555_000_002, "Bea");
    private static final Duration ASYNC = Duration.ofSeconds(20);

    private static FakeBotApi telegram;
    private static MutableClock clock;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().staffGroup(STAFF, true).start();
        clock = new MutableClock(MutableClock.SCENARIO_TIME);
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("support-hours"));
        settings.put("support.chat-id", Long.toString(STAFF));
        settings.put("support.hours", "MON-FRI 09:00-18:00");
        settings.put("support.zone", "Asia/Shanghai");
        settings.put("support.bump-after", "15m");
        settings.put("support.bump-check", "200ms");
        bot = RunningBot.start(settings, clock);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void outsideWorkingHoursTheUserIsToldWhenAgentsAnswer() {
        ChatDriver chat = user(960_001, "Cleo");
        int mark = chat.mark();

        chat.send("/support");

        assertThat(chat.visibleSince(mark)).extracting(Call::text)
                .anyMatch(text -> text.contains("offline") && text.contains("Mon 09:00") && text.contains("Asia/Shanghai"));
    }

    @Test
    void aTicketWaitingForAnAnswerIsBumpedOnceUntilAnAgentAnswers() throws InterruptedException {
        // GIVEN an open ticket whose user wrote and got no answer for 16 minutes
        ChatDriver chat = user(960_002, "Dino");
        chat.send("/support");
        int topic = topicOf(chat);
        chat.send("hello?");
        clock.advance(Duration.ofMinutes(16));

        // THEN the ticket is bumped in its topic, once
        telegram.awaitCall(c -> isBump(c, topic), ASYNC);
        Thread.sleep(1_000);
        assertThat(bumps(topic)).hasSize(1);

        // WHEN an agent answers, and another 16 minutes pass
        agentSays(topic, "Hi, looking into it");
        clock.advance(Duration.ofMinutes(16));
        Thread.sleep(1_000);

        // THEN nothing is bumped: the user is not waiting
        assertThat(bumps(topic)).hasSize(1);
    }

    @Test
    void anUnreachableStaffGroupGivesTheFallbackContactAndKeepsTheUserWhereTheyWere() {
        ChatDriver chat = user(960_003, "Eli");
        telegram.failNext("getChat", 403, "Forbidden: bot was kicked from the supergroup chat", null);
        int mark = chat.mark();

        chat.send("/support");

        assertThat(chat.visibleSince(mark)).extracting(Call::text)
                .anyMatch(text -> text.contains("cannot be reached") && text.contains("@esim_support"));
        int later = chat.mark();
        chat.send("/start");
        assertThat(chat.visibleSince(later)).extracting(Call::text).anyMatch(text -> text.contains("Your eSIMs"));
    }

    private static ChatDriver user(long id, String name) {
        new SandboxDriver(bot.baseUrl()).reset(id, "demo");
        return new ChatDriver(telegram, TestUser.english(id, name));
    }

    private static int topicOf(ChatDriver chat) {
        return telegram.calls("sendMessage").stream().filter(c -> c.chatId() == STAFF
                && c.text().contains(Long.toString(chat.user().id()))).findFirst().orElseThrow()
                .body().path("message_thread_id").asInt();
    }

    private static void agentSays(int topic, String text) {
        long id = telegram.nextUpdateId();
        telegram.enqueue(TelegramUpdates.staffMessage(id, AGENT, STAFF, topic, null, text));
        telegram.awaitConfirmed(id, ASYNC);
    }

    private static boolean isBump(Call call, int topic) {
        return call.method().equals("sendMessage") && call.chatId() == STAFF && call.text().startsWith("⏰")
                && call.body().path("message_thread_id").asInt() == topic;
    }

    private static List<Call> bumps(int topic) {
        return telegram.calls("sendMessage").stream().filter(c -> isBump(c, topic)).toList();
    }
}
