package dev.esimbot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The in-process Bot API of local mode, as the open chat pages see it. */
class LocalBotApiTest {

    @Test
    void aPageWhoseStreamFailedDoesNotKeepTheBotsMessageFromTheOtherPagesOrFailTheSend() {
        // GIVEN two pages open on a chat: the first went away and its stream now fails on write
        LocalBotApi api = new LocalBotApi(Clock.systemUTC(), -1000000000001L);
        List<LocalBotApi.Event> seen = new CopyOnWriteArrayList<>();
        api.subscribe(event -> {
            throw new IllegalStateException("ResponseBodyEmitter has already completed");
        });
        api.subscribe(seen::add);

        // WHEN the bot sends a message to the chat
        ObjectNode params = new ObjectMapper().createObjectNode().put("chat_id", 900001).put("text", "Your eSIMs");
        var sent = api.call("sendMessage", params);

        // THEN the send succeeds, the other page gets it, and it is in the chat's history for pages opened later
        assertThat(sent.path("message_id").asInt()).isPositive();
        assertThat(seen).singleElement().satisfies(event -> assertThat(event.json()).contains("Your eSIMs"));
        assertThat(api.history(900001)).hasSize(1);
    }
}
