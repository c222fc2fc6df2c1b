package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esimbot.notices.ExpiryScan;
import dev.esimbot.notices.NoticeQueue;
import dev.esimbot.telegram.UpdatePipeline;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Replays every file in {@code conversations/} through the real pipeline: Bot API JSON over HTTP from a fake Telegram,
 * long polling, real Redis, the sandbox billing over HTTP with signed webhooks. Any difference in what the user sees
 * fails. After a deliberate change, rewrite the files with {@code ./mvnw verify -Dconversations.write=true} and review
 * the diff.
 */
class ConversationsReplayTest {

    private static final Path FOLDER = Path.of("conversations");
    private static final boolean WRITE = Boolean.getBoolean("conversations.write");

    private static final ObjectMapper BOT_API_JSON = new ObjectMapper();
    /** The staff group the bot alerts; {@code check: staff alerts = n} counts its messages. */
    static final long STAFF_CHAT = -100_987_654_321L;

    private static FakeBotApi telegram;
    private static MutableClock clock;
    private static RunningBot bot;
    private static SandboxDriver sandbox;

    @BeforeAll
    static void startBot() {
        telegram = new FakeBotApi().start();
        clock = new MutableClock(MutableClock.SCENARIO_TIME);
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("scenarios"));
        settings.put("support.chat-id", Long.toString(STAFF_CHAT));
        // Agents work 09:00-21:00 UTC: open at the scenarios' 10:00, closed after "clock: +12h".
        settings.put("support.hours", "09:00-21:00");
        // Held notices are released by the scenario's "reminders: held ones are due", never by the clock meanwhile.
        settings.put("notices.release-every", "1h");
        bot = RunningBot.start(settings, clock);
        sandbox = new SandboxDriver(bot.baseUrl());
    }

    @AfterAll
    static void stopBot() {
        bot.close();
        telegram.close();
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPlaysAsWritten() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("scenario files in %s", FOLDER.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(FOLDER.relativize(file).toString(), () -> replay(file)));
    }

    private static void redeliver(JsonNode update) {
        try {
            bot.bean(UpdatePipeline.class).handle(BOT_API_JSON.treeToValue(update, Update.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs what makes notices, then waits until the senders emptied the queue (notices of other chats included). */
    private static void noticesSent(Runnable making) {
        making.run();
        NoticeQueue queue = bot.bean(NoticeQueue.class);
        Waits.until("the notice queue is empty", Duration.ofSeconds(30), () -> queue.size() == 0);
        Waits.pause(Duration.ofMillis(200));
    }

    private static void replay(Path file) throws IOException {
        Scenario scenario = Scenario.read(file);
        clock.reset(MutableClock.SCENARIO_TIME);
        sandbox.reset(scenario.customer(), scenario.profile());
        telegram.staffGroup(STAFF_CHAT, scenario.staffTopics());
        Map<String, Runnable> appActions = Map.of(
                "reminders: the scan runs", () -> noticesSent(bot.bean(ExpiryScan.class)::run),
                "reminders: held ones are due", () -> noticesSent(bot.bean(ExpiryScan.class)::releaseHeld));
        String actual = new ScenarioReplay(telegram, sandbox, clock, ConversationsReplayTest::redeliver, appActions)
                .play(scenario);
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (WRITE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        Path actualCopy = Path.of("target", "conversations", FOLDER.relativize(file).toString());
        Files.createDirectories(actualCopy.getParent());
        Files.writeString(actualCopy, actual, StandardCharsets.UTF_8);
        assertThat(actual).as("%s (what the bot did is in %s)", file, actualCopy).isEqualTo(expected);
    }
}
