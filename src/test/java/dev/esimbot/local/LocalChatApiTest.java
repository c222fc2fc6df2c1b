package dev.esimbot.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Local mode's API as the chat page uses it: real updates in, the bot's Bot API calls out as server-sent events. */
class LocalChatApiTest {

    /** Stream readers: daemon threads, so a stream still open when the tests end does not keep the JVM alive. */
    private static final Executor LISTENERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "event-stream-reader");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningBot bot;

    @BeforeAll
    static void startInLocalMode() {
        Map<String, Object> properties = RunningBot.defaults("https://api.telegram.org", TestRedis.uniquePrefix("local"));
        properties.put("telegram.bot-token", "");
        properties.put("notices.quiet-hours", ""); // the Reminders test must not find itself in the night
        bot = RunningBot.start(properties, null);
    }

    /** The tests leave event streams open; they must not hold up shutdown for its whole graceful timeout (30 s). */
    @AfterAll
    static void stopsPromptlyThoughEventStreamsAreOpen() {
        long start = System.nanoTime();
        bot.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aCommandFromThePageIsAnsweredOnTheEventStream() throws Exception {
        List<String> events = listen(900_001);

        post("/local/api/chats/900001/messages", "{\"text\":\"/start\"}");

        await(events, e -> e.contains("\"type\":\"message\"") && e.contains("Your eSIMs"));
        assertThat(events.get(0)).contains("\"type\":\"user\"", "/start");
    }

    @Test
    void aTappedButtonEditsTheMessageInPlaceAndAnswersTheTap() throws Exception {
        // GIVEN the menu on screen
        List<String> events = listen(900_002);
        post("/local/api/chats/900002/reset", "{}");
        post("/local/api/chats/900002/messages", "{\"text\":\"/start\"}");
        String menu = await(events, e -> e.contains("\"type\":\"message\""));
        Matcher button = Pattern.compile("\"callback_data\":\"(e:[^\"]+)\"").matcher(menu);
        Matcher id = Pattern.compile("\"message_id\":(\\d+)").matcher(menu);
        assertThat(button.find() && id.find()).isTrue();
        // WHEN the user taps the first eSIM
        post("/local/api/chats/900002/callbacks", "{\"messageId\":" + id.group(1) + ",\"data\":\"" + button.group(1) + "\"}");
        // THEN the tap is answered and the same message now shows the eSIM's status, in Chinese
        await(events, e -> e.contains("\"type\":\"toast\""));
        await(events, e -> e.contains("\"type\":\"edit\"") && e.contains("地区"));
    }

    @Test
    void aTicketOpensATopicInTheBuiltInStaffGroupWhereTheAgentAnswersAndCloses() throws Exception {
        // GIVEN the built-in staff group (no SUPPORT_CHAT_ID in local mode) and 小王 started over
        String group = get("/local/api/staff");
        assertThat(group).contains("\"chatId\":" + LocalStaffGroup.DEFAULT_ID, "\"agentName\":\"Mei\"");
        post("/local/api/chats/900002/reset", "{}");
        List<String> staff = listen(LocalStaffGroup.DEFAULT_ID);
        List<String> chat = listen(900_002);
        // WHEN he asks for a person and writes
        post("/local/api/chats/900002/messages", "{\"text\":\"人工\"}");
        post("/local/api/chats/900002/messages", "{\"text\":\"数据不能用\"}");
        // THEN a topic opens with the context card, and his message is copied into it
        String created = await(staff, e -> e.contains("forum_topic_created") && e.contains("小王"));
        Matcher thread = Pattern.compile("\"message_thread_id\":(\\d+)").matcher(created);
        assertThat(thread.find()).isTrue();
        String topic = thread.group(1);
        await(staff, e -> e.contains("Ticket #") && e.contains("900002") && e.contains("\"message_thread_id\":" + topic));
        await(staff, e -> e.contains("\"type\":\"copy\"") && e.contains("数据不能用") && e.contains("\"is_topic_message\":true"));
        // WHEN the agent answers in the topic, writes a note, and closes the ticket
        post("/local/api/staff/messages", "{\"topicId\":" + topic + ",\"text\":\"请重启手机\"}");
        post("/local/api/staff/messages", "{\"topicId\":" + topic + ",\"text\":\"#漫游没开\"}");
        post("/local/api/staff/messages", "{\"topicId\":" + topic + ",\"text\":\"/close\"}");
        // THEN he gets the answer as the bot's copy and the rating question, never the note
        await(chat, e -> e.contains("\"type\":\"copy\"") && e.contains("请重启手机"));
        await(chat, e -> e.contains("1 ⭐"));
        await(staff, e -> e.contains("closed") && e.contains("\"message_thread_id\":" + topic));
        assertThat(chat).noneMatch(e -> e.contains("漫游没开"));
        post("/local/api/chats/900002/reset", "{}"); // the other tests of this chat start from an empty history
    }

    @Test
    void resetStartsTheUserOver() throws Exception {
        post("/local/api/chats/900003/messages", "{\"text\":\"hello\"}");
        post("/local/api/chats/900003/reset", "{}");

        List<String> events = listen(900_003);
        post("/local/api/chats/900003/messages", "{\"text\":\"/start\"}");

        String first = await(events, e -> true);
        assertThat(first).contains("\"message_id\":1", "/start");
        await(events, e -> e.contains("no eSIM linked yet"));
    }

    @Test
    void theEventStreamOpensAtOnceForAnEmptyChat() throws Exception {
        post("/local/api/chats/900003/reset", "{}");

        HttpResponse<java.util.stream.Stream<String>> response = HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create(bot.baseUrl() + "/local/api/chats/900003/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        response.body().close();
    }

    @Test
    void theRemindersActionRunsTheExpiryScanNowAndTheDemoUsersNoticeArrivesOnce() throws Exception {
        // GIVEN Alice started the bot with her freshly seeded demo eSIMs (Peru ends in 2 days 5 hours)
        post("/local/api/chats/900001/reset", "{}");
        List<String> events = listen(900_001);
        post("/local/api/chats/900001/messages", "{\"text\":\"/start\"}");
        await(events, e -> e.contains("Your eSIMs"));

        // WHEN the admin taps Reminders, twice
        String first = post("/local/api/notices/scan", "");
        await(events, e -> e.contains("ends in less than 3 days") && e.contains("Renew now"));
        String second = post("/local/api/notices/scan", "");

        // THEN the first scan queued her notice, the second nothing new
        assertThat(first).contains("\"queued\":").doesNotContain("\"queued\":0,");
        assertThat(second).contains("\"queued\":0,");
        Thread.sleep(1500); // past the per-chat gap: a second notice would be out by now
        assertThat(events.stream().filter(e -> e.contains("ends in less than 3 days"))).hasSize(1);
        post("/local/api/chats/900001/reset", "{}"); // the other tests of this chat start from an empty history
    }

    private static String post(String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(bot.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isBetween(200, 299);
        return response.body();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(bot.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /**
     * Reads the chat's event stream on a thread of its own. (With a plain {@code thenAccept}, a response that had
     * already arrived ran the endless read on the test's own thread: the test, and the build, never ended.)
     */
    private static List<String> listen(long chatId) {
        List<String> events = new CopyOnWriteArrayList<>();
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/local/api/chats/" + chatId + "/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> response.body()
                .filter(line -> line.startsWith("data:")).forEach(line -> events.add(line.substring(5))), LISTENERS);
        return events;
    }

    private static String await(List<String> events, java.util.function.Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (String event : events) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such event; saw " + events);
    }
}
