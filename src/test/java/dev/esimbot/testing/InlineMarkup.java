package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

/**
 * The parts of reply_markup a Message keeps. Only inline keyboards belong to a message; reply keyboards and
 * keyboard removals change the user's input field instead, so the real API does not echo them.
 */
final class InlineMarkup {

    private static final int MAX_CALLBACK_DATA_BYTES = 64;

    private InlineMarkup() {
    }

    /** The inline keyboard to store on the message, or null for none (an empty keyboard is none). */
    static JsonNode ofMessage(JsonNode replyMarkup) {
        if (replyMarkup == null || !replyMarkup.path("inline_keyboard").isArray()) {
            return null;
        }
        boolean empty = StreamSupport.stream(replyMarkup.path("inline_keyboard").spliterator(), false)
                .allMatch(row -> row.size() == 0);
        return empty ? null : replyMarkup.deepCopy();
    }

    /** Telegram rejects callback_data outside 1..64 bytes with BUTTON_DATA_INVALID. */
    static boolean hasInvalidCallbackData(JsonNode replyMarkup) {
        if (replyMarkup == null) {
            return false;
        }
        return replyMarkup.path("inline_keyboard").findValues("callback_data").stream()
                .map(data -> data.asText().getBytes(StandardCharsets.UTF_8).length)
                .anyMatch(bytes -> bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES);
    }
}
