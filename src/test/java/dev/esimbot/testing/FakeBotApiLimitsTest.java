package dev.esimbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.LongStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The opt-in limits answer like Telegram: 429 with retry_after past 30 a second or 1 a second per chat, 403 if blocked. */
class FakeBotApiLimitsTest {

    private final FakeBotApi api = new FakeBotApi().start();
    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void stop() {
        api.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void theThirtyFirstMessageWithinASecondIsRefusedWith429AndRetryAfter() throws IOException {
        // GIVEN a fake that enforces Telegram's limits, and a warm connection so the messages come within a second
        post("getMe", "{}");
        api.enforceTelegramLimits();
        // WHEN 31 messages to 31 chats arrive at once
        for (long chat = 1; chat <= 30; chat++) {
            assertThat(sendMessage(chat).path("ok").asBoolean()).isTrue();
        }
        JsonNode refused = sendMessage(31);

        // THEN the 31st is answered as Telegram does, with the seconds to wait
        assertThat(refused.path("error_code").asInt()).isEqualTo(429);
        int retryAfter = refused.path("parameters").path("retry_after").asInt();
        assertThat(retryAfter).isPositive();
        assertThat(refused.path("description").asText()).isEqualTo("Too Many Requests: retry after " + retryAfter);
        // AND it is listed and not shown in the chat
        assertThat(api.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.chatId()).isEqualTo(31);
            assertThat(refusal.errorCode()).isEqualTo(429);
        });
        assertThat(api.messagesTo(31)).isEmpty();
    }

    @Test
    void aSecondMessageToOneChatWithinASecondIsRefusedUntilTheSecondIsOver() throws Exception {
        // GIVEN a fake that enforces Telegram's limits and a message just sent to a chat
        api.enforceTelegramLimits();
        sendMessage(7);

        // WHEN another follows at once, and one more after a second
        JsonNode tooSoon = sendMessage(7);
        Thread.sleep(1_050);
        JsonNode later = sendMessage(7);

        // THEN only the one sent too soon is refused
        assertThat(tooSoon.path("error_code").asInt()).isEqualTo(429);
        assertThat(tooSoon.path("parameters").path("retry_after").asInt()).isEqualTo(1);
        assertThat(later.path("ok").asBoolean()).isTrue();
        assertThat(api.messagesTo(7)).hasSize(2);
    }

    @Test
    void aChatThatBlockedTheBotIsRefusedWith403() throws IOException {
        // GIVEN a chat whose user blocked the bot
        api.blockedBy(5);

        // WHEN the bot writes to it
        JsonNode refused = sendMessage(5);

        // THEN Telegram's 403 comes back and nothing is shown
        assertThat(refused.path("error_code").asInt()).isEqualTo(403);
        assertThat(refused.path("description").asText()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(api.messagesTo(5)).isEmpty();
        assertThat(api.refusals()).singleElement().satisfies(refusal -> assertThat(refusal.errorCode()).isEqualTo(403));
    }

    @Test
    void withoutEnforcementAnyRateIsAccepted() {
        // GIVEN the default fake, WHEN 50 messages (two to each chat) arrive at once, THEN all are accepted
        LongStream.rangeClosed(1, 50).forEach(i -> assertThat(sendQuietly(i % 25).path("ok").asBoolean()).isTrue());
        assertThat(api.refusals()).isEmpty();
    }

    private JsonNode sendQuietly(long chatId) {
        try {
            return sendMessage(chatId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode sendMessage(long chatId) throws IOException {
        return post("sendMessage", "{\"chat_id\":" + chatId + ",\"text\":\"hi\"}");
    }

    private JsonNode post(String method, String json) throws IOException {
        Request request = new Request.Builder().url(api.baseUrl() + "/bot123:TEST/" + method)
                .post(RequestBody.create(json, MediaType.parse("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = Json.parse(response.body().string());
            assertThat(response.code()).isEqualTo(answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt());
            return answer;
        }
    }
}
