package dev.esimbot.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API as the local chat page sees it: answers the calls the bot makes with real Bot API JSON, keeps each chat's
 * history (user and bot messages, edits applied) and tells the page's subscribers what happened. The staff group is
 * one more chat: a forum supergroup whose topics, posts and copies the staff pane shows.
 */
final class LocalBotApi {

    /** One thing the page shows: a user or bot message, an edit, or a toast (a callback answer). */
    record Event(long chatId, String json) {
    }

    /** What a copy keeps of its source (the Bot API's copyMessage keeps the content, not the sender). */
    private static final List<String> CONTENT = List.of("text", "entities", "caption", "caption_entities", "photo",
            "document", "voice");

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final long staffChat;
    private final Map<Long, List<ObjectNode>> history = new HashMap<>();
    private final Map<Long, Integer> nextMessageId = new HashMap<>();
    private final Map<String, Long> callbackChats = new HashMap<>();
    private static final Logger log = LoggerFactory.getLogger(LocalBotApi.class);
    private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

    LocalBotApi(Clock clock, long staffChat) {
        this.clock = clock;
        this.staffChat = staffChat;
    }

    /** Answers one Bot API call; the result is the JSON of the {@code result} field, or null for "not found". */
    synchronized JsonNode call(String method, JsonNode params) {
        // TelegramBots names methods in lower case ("sendmessage"); the Bot API itself ignores case.
        return switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "sendmessage" -> botMessage(params);
            case "copymessage" -> copy(params);
            case "editmessagetext" -> edit(params);
            case "answercallbackquery" -> toast(params);
            case "getchat" -> params.path("chat_id").asLong() == staffChat ? LocalStaffGroup.fullInfo(staffChat) : null;
            case "createforumtopic" -> createTopic(params);
            case "getme" -> json.createObjectNode().put("id", 1).put("is_bot", true).put("first_name", "eSIM bot")
                    .put("username", "local_esim_bot");
            case "deletewebhook", "setmycommands", "sendchataction" -> json.getNodeFactory().booleanNode(true);
            default -> null;
        };
    }

    /** Records what a person typed (the user, or the agent in the staff group) and returns its message id. */
    synchronized int userMessage(long chatId, ObjectNode message) {
        int id = nextId(chatId);
        message.put("message_id", id);
        append(chatId, event("user", message));
        return id;
    }

    /** A copy of a bot message as the chat shows it now (edits applied), or null. */
    synchronized ObjectNode botMessage(long chatId, int messageId) {
        ObjectNode entry = find(chatId, messageId);
        return entry == null || "user".equals(entry.path("type").asText()) ? null : entry.get("message").deepCopy();
    }

    synchronized void expectCallback(String callbackId, long chatId) {
        callbackChats.put(callbackId, chatId);
    }

    synchronized List<Event> history(long chatId) {
        return history.getOrDefault(chatId, List.of()).stream().map(node -> new Event(chatId, node.toString())).toList();
    }

    synchronized void forget(long chatId) {
        history.remove(chatId);
        nextMessageId.remove(chatId);
    }

    void subscribe(Consumer<Event> subscriber) {
        subscribers.add(subscriber);
    }

    void unsubscribe(Consumer<Event> subscriber) {
        subscribers.remove(subscriber);
    }

    private JsonNode botMessage(JsonNode params) {
        ObjectNode message = newMessage(params);
        message.put("text", params.path("text").asText());
        copyMarkup(params, message);
        append(message.path("chat").path("id").asLong(), event("message", message));
        return message;
    }

    /** Telegram opens a topic with a service message whose id becomes the topic's thread id. */
    private JsonNode createTopic(JsonNode params) {
        if (params.path("chat_id").asLong() != staffChat) {
            return null;
        }
        ObjectNode message = LocalStaffGroup.topicCreated(newMessage(params), params.path("name").asText());
        append(staffChat, event("message", message));
        return LocalStaffGroup.forumTopic(message);
    }

    private JsonNode copy(JsonNode params) {
        long fromChat = params.path("from_chat_id").asLong();
        ObjectNode source = find(fromChat, params.path("message_id").asInt());
        if (source == null) {
            return null;
        }
        JsonNode original = source.get("message");
        ObjectNode message = newMessage(params);
        CONTENT.stream().filter(original::has).forEach(field -> message.set(field, original.get(field).deepCopy()));
        if (params.hasNonNull("caption")) {
            message.put("caption", params.path("caption").asText());
        }
        ObjectNode event = event("copy", message);
        event.putObject("source").put("chat_id", fromChat).put("message_id", original.path("message_id").asInt())
                .put("first_name", original.path("from").path("first_name").asText(""));
        append(message.path("chat").path("id").asLong(), event);
        return json.createObjectNode().put("message_id", message.path("message_id").asInt());
    }

    /** A message the bot sends into {@code chat_id} (in a topic when {@code message_thread_id} is set). */
    private ObjectNode newMessage(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextId(chatId));
        message.putObject("from").put("id", 1).put("is_bot", true).put("first_name", "eSIM bot");
        message.set("chat", chatId == staffChat ? LocalStaffGroup.chat(chatId)
                : json.createObjectNode().put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup"));
        message.put("date", clock.instant().getEpochSecond());
        if (params.hasNonNull("message_thread_id")) {
            message.put("message_thread_id", params.path("message_thread_id").asInt()).put("is_topic_message", true);
        }
        return message;
    }

    private JsonNode edit(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        ObjectNode entry = find(chatId, params.path("message_id").asInt());
        if (entry == null || "user".equals(entry.path("type").asText())) {
            return null;
        }
        ObjectNode message = (ObjectNode) entry.get("message");
        message.put("text", params.path("text").asText());
        message.remove("reply_markup");
        copyMarkup(params, message);
        message.put("edit_date", clock.instant().getEpochSecond());
        publish(chatId, event("edit", message));
        return message;
    }

    private JsonNode toast(JsonNode params) {
        Long chatId = callbackChats.remove(params.path("callback_query_id").asText());
        if (chatId != null) {
            ObjectNode event = json.createObjectNode().put("type", "toast").put("text", params.path("text").asText(""));
            publish(chatId, event);
        }
        return json.getNodeFactory().booleanNode(true);
    }

    private ObjectNode find(long chatId, int messageId) {
        return history.getOrDefault(chatId, List.of()).stream()
                .filter(entry -> entry.path("message").path("message_id").asInt() == messageId).findFirst().orElse(null);
    }

    private void append(long chatId, ObjectNode entry) {
        history.computeIfAbsent(chatId, c -> new ArrayList<>()).add(entry);
        publish(chatId, entry);
    }

    private ObjectNode event(String type, ObjectNode message) {
        ObjectNode event = json.createObjectNode().put("type", type);
        event.set("message", message);
        return event;
    }

    /** Every open page gets the event; one that fails (a page gone away) neither stops the others nor the send. */
    private void publish(long chatId, ObjectNode event) {
        Event out = new Event(chatId, event.toString());
        for (Consumer<Event> subscriber : subscribers) {
            try {
                subscriber.accept(out);
            } catch (RuntimeException e) {
                log.debug("chat={} a page's event stream failed: {}", chatId, e.toString());
            }
        }
    }

    private int nextId(long chatId) {
        return nextMessageId.merge(chatId, 1, Integer::sum);
    }

    private void copyMarkup(JsonNode params, ObjectNode message) {
        JsonNode markup = params.get("reply_markup");
        if (markup != null && !markup.isNull()) {
            message.set("reply_markup", markup.isTextual() ? parse(markup.asText()) : markup);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("reply_markup is not JSON", e);
        }
    }
}
