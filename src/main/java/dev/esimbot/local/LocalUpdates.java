package dev.esimbot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Builds the Bot API update JSON that Telegram would send for what the user did on the page. */
final class LocalUpdates {

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger updateIds = new AtomicInteger();
    private final Clock clock;

    LocalUpdates(Clock clock) {
        this.clock = clock;
    }

    /** The user's message, without its id (the chat history assigns it). */
    ObjectNode message(DemoUser user, String languageCode, String text) {
        ObjectNode message = json.createObjectNode();
        message.set("from", from(user, languageCode));
        message.putObject("chat").put("id", user.id()).put("type", "private").put("first_name", user.firstName());
        return withText(message, text);
    }

    /**
     * The agent's message in the staff group, in a topic when {@code topicStart} (the topic's first message) is given;
     * Telegram marks such a message as a reply to that first message.
     */
    ObjectNode staffMessage(long staffChat, ObjectNode topicStart, String languageCode, String text) {
        ObjectNode message = json.createObjectNode();
        message.set("from", LocalStaffGroup.agent(languageCode));
        message.set("chat", LocalStaffGroup.chat(staffChat));
        if (topicStart != null) {
            message.put("message_thread_id", topicStart.path("message_id").asInt()).put("is_topic_message", true);
            message.set("reply_to_message", topicStart);
        }
        return withText(message, text);
    }

    private ObjectNode withText(ObjectNode message, String text) {
        message.put("date", clock.instant().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            int length = text.contains(" ") ? text.indexOf(' ') : text.length();
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", length);
        }
        return message;
    }

    Update messageUpdate(ObjectNode message) {
        ObjectNode update = json.createObjectNode().put("update_id", updateIds.incrementAndGet());
        update.set("message", message);
        return read(update);
    }

    /** A tap on a button of a bot message; the callback id lets the answer find its way back as a toast. */
    Update callbackUpdate(DemoUser user, String languageCode, ObjectNode botMessage, String data, String callbackId) {
        ObjectNode query = json.createObjectNode().put("id", callbackId);
        query.set("from", from(user, languageCode));
        query.set("message", botMessage);
        query.put("chat_instance", Long.toString(user.id())).put("data", data);
        ObjectNode update = json.createObjectNode().put("update_id", updateIds.incrementAndGet());
        update.set("callback_query", query);
        return read(update);
    }

    static String newCallbackId() {
        return UUID.randomUUID().toString();
    }

    private ObjectNode from(DemoUser user, String languageCode) {
        return json.createObjectNode().put("id", user.id()).put("is_bot", false).put("first_name", user.firstName())
                .put("language_code", languageCode);
    }

    private Update read(ObjectNode update) {
        try {
            return json.treeToValue(update, Update.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("update JSON did not parse", e);
        }
    }
}
