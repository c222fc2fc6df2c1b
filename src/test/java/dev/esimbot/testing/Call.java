package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One request the fake received: the bot token from the URL, the Bot API method (canonical spelling, e.g.
 * {@code sendMessage}), the parameters as JSON (form parameters arrive as strings) and the wall-clock arrival time.
 */
public record Call(String token, String method, JsonNode body, Instant at) {

    /** A parameter as text (JSON text for objects such as {@code reply_markup}), or null when absent. */
    public String param(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    /** {@code chat_id} as a number; the library sends it as a string, so compare through this. */
    public long chatId() {
        return body.path("chat_id").asLong();
    }

    /** {@code text} of the request, or null. */
    public String text() {
        return param("text");
    }

    @Override
    public String toString() {
        return method + " " + body;
    }
}
