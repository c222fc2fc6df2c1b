package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The getUpdates contract and the wire details, spoken as raw HTTP so nothing in between can hide a mistake. */
class FakeBotApiHttpTest {

    private static final TestUser ANNA = TestUser.english(2002, "Anna");

    private final FakeBotApi api = new FakeBotApi().longPollCap(Duration.ofMillis(300)).start();
    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void stop() {
        api.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void unconfirmedUpdatesComeAgainUntilAnOffsetConfirmsThem() throws IOException {
        long first = enqueueText("one");
        long second = enqueueText("two");

        assertThat(updateIds(post("getUpdates", "{}"))).containsExactly(first, second);
        assertThat(updateIds(post("getUpdates", "{\"limit\":1}"))).containsExactly(first);
        assertThat(updateIds(post("getUpdates", "{\"offset\":" + second + "}"))).containsExactly(second);
        assertThat(api.unconfirmedCount()).isEqualTo(1);
        assertThat(updateIds(post("getUpdates", "{\"offset\":" + (second + 1) + "}"))).isEmpty();
        assertThat(api.unconfirmedCount()).isZero();
    }

    @Test
    void longPollReturnsAsSoonAsAnUpdateArrives() throws Exception {
        api.longPollCap(Duration.ofSeconds(5));
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> postQuietly("{\"timeout\":50}"));
        api.awaitCall("getUpdates", Duration.ofSeconds(1));

        long id = enqueueText("hello");

        assertThat(updateIds(poll.get(2, TimeUnit.SECONDS))).containsExactly(id);
    }

    @Test
    void longPollEndsEmptyAtTheCap() throws IOException {
        long started = System.nanoTime();

        JsonNode answer = post("getUpdates", "{\"timeout\":50}");

        assertThat(updateIds(answer)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    @Test
    void aNewerPollEndsTheWaitingOneWithConflict() throws Exception {
        api.longPollCap(Duration.ofSeconds(5));
        CompletableFuture<JsonNode> older = CompletableFuture.supplyAsync(() -> postQuietly("{\"timeout\":50}"));
        api.awaitCall("getUpdates", Duration.ofSeconds(1));

        // Repeated because the older poll may not be waiting yet when its call is recorded.
        await().atMost(Duration.ofSeconds(2))
                .until(() -> post("getUpdates", "{\"timeout\":0}") != null && older.isDone());

        JsonNode conflict = older.get();
        assertThat(conflict.path("error_code").asInt()).isEqualTo(409);
        assertThat(conflict.path("description").asText()).startsWith("Conflict: terminated by other getUpdates");
    }

    @Test
    void formEncodedParametersWorkToo() throws IOException {
        RequestBody form = new FormBody.Builder()
                .add("chat_id", String.valueOf(ANNA.id()))
                .add("text", "Hi Anna")
                .add("reply_markup", "{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}")
                .build();

        JsonNode answer = send("sendMessage", form);

        assertThat(answer.path("result").path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("callback_data").asText()).isEqualTo("go");
        assertThat(api.lastMessageTo(ANNA.id()).path("chat").path("type").asText()).isEqualTo("private");
    }

    @Test
    void botMessagesAreNumberedAfterTheUsersOwnMessage() throws IOException {
        enqueueText("hi");

        JsonNode answer = post("sendMessage", "{\"chat_id\":\"" + ANNA.id() + "\",\"text\":\"Hello\"}");

        assertThat(answer.path("result").path("message_id").asLong()).isEqualTo(2);
        assertThat(answer.path("result").path("chat").path("first_name").asText()).isEqualTo("Anna");
    }

    @Test
    void unknownMethodIsNotFound() throws IOException {
        JsonNode answer = post("sendSomethingNew", "{}");

        assertThat(answer.toString()).isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }

    @Test
    void getMeAnswersWithTheBotOfTheToken() throws IOException {
        JsonNode me = post("getMe", "").path("result");

        assertThat(me.path("id").asLong()).isEqualTo(123);
        assertThat(me.path("is_bot").asBoolean()).isTrue();
        assertThat(me.path("username").asText()).isEqualTo("esim_test_bot");
    }

    private long enqueueText(String text) {
        long id = api.nextUpdateId();
        api.enqueue(TelegramUpdates.text(id, ANNA, text));
        return id;
    }

    private static List<Long> updateIds(JsonNode answer) {
        assertThat(answer.path("ok").asBoolean()).as("ok in %s", answer).isTrue();
        return answer.path("result").findValues("update_id").stream().map(JsonNode::asLong).toList();
    }

    private JsonNode postQuietly(String json) {
        try {
            return post("getUpdates", json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode post(String method, String json) throws IOException {
        return send(method, RequestBody.create(json, MediaType.parse("application/json")));
    }

    private JsonNode send(String method, RequestBody body) throws IOException {
        Request request = new Request.Builder().url(api.baseUrl() + "/bot123:TEST/" + method).post(body).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = Json.parse(response.body().string());
            int expectedStatus = answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt();
            assertThat(response.code()).isEqualTo(expectedStatus);
            return answer;
        }
    }
}
