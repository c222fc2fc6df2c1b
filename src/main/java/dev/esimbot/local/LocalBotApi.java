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

/**
 * The Bot API as the local chat page sees it: answers the calls the bot makes with real Bot API JSON, keeps each chat's
 * history (user and bot messages, edits applied) and tells the page's subscribers what happened.
 */
final class LocalBotApi {

    /** One thing the page shows: a user or bot message, an edit, or a toast (a callback answer). */
    record Event(long chatId, String json) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final Map<Long, List<ObjectNode>> history = new HashMap<>();
    private final Map<Long, Integer> nextMessageId = new HashMap<>();
    private final Map<String, Long> callbackChats = new HashMap<>();
    private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

    LocalBotApi(Clock clock) {
        this.clock = clock;
    }

    /** Answers one Bot API call; the result is the JSON of the {@code result} field, or null for "not found". */
    synchronized JsonNode call(String method, JsonNode params) {
        // TelegramBots names methods in lower case ("sendmessage"); the Bot API itself ignores case.
        return switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "sendmessage" -> botMessage(params);
            case "editmessagetext" -> edit(params);
            case "answercallbackquery" -> toast(params);
            case "getme" -> json.createObjectNode().put("id", 1).put("is_bot", true).put("first_name", "eSIM bot")
                    .put("username", "local_esim_bot");
            case "deletewebhook", "setmycommands", "sendchataction" -> json.getNodeFactory().booleanNode(true);
            default -> null;
        };
    }

    /** Records what the user typed and returns its message id. */
    synchronized int userMessage(long chatId, ObjectNode message) {
        int id = nextId(chatId);
        message.put("message_id", id);
        append(chatId, "user", message);
        return id;
    }

    /** A copy of a bot message as the chat shows it now (edits applied), or null. */
    synchronized ObjectNode botMessage(long chatId, int messageId) {
        for (ObjectNode entry : history.getOrDefault(chatId, List.of())) {
            JsonNode message = entry.get("message");
            if (!"user".equals(entry.path("type").asText()) && message.path("message_id").asInt() == messageId) {
                return message.deepCopy();
            }
        }
        return null;
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
        long chatId = params.path("chat_id").asLong();
        ObjectNode message = json.createObjectNode();
        message.put("message_id", nextId(chatId));
        message.putObject("from").put("id", 1).put("is_bot", true).put("first_name", "eSIM bot");
        message.putObject("chat").put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup");
        message.put("date", clock.instant().getEpochSecond());
        message.put("text", params.path("text").asText());
        copyMarkup(params, message);
        append(chatId, "message", message);
        return message;
    }

    private JsonNode edit(JsonNode params) {
        long chatId = params.path("chat_id").asLong();
        int messageId = params.path("message_id").asInt();
        for (ObjectNode entry : history.getOrDefault(chatId, List.of())) {
            ObjectNode message = (ObjectNode) entry.get("message");
            if (message.path("message_id").asInt() == messageId && !"user".equals(entry.path("type").asText())) {
                message.put("text", params.path("text").asText());
                message.remove("reply_markup");
                copyMarkup(params, message);
                message.put("edit_date", clock.instant().getEpochSecond());
                publish(chatId, event("edit", message));
                return message;
            }
        }
        return null;
    }

    private JsonNode toast(JsonNode params) {
        Long chatId = callbackChats.remove(params.path("callback_query_id").asText());
        if (chatId != null) {
            ObjectNode event = json.createObjectNode().put("type", "toast").put("text", params.path("text").asText(""));
            publish(chatId, event);
        }
        return json.getNodeFactory().booleanNode(true);
    }

    private void append(long chatId, String type, ObjectNode message) {
        ObjectNode entry = event(type, message);
        history.computeIfAbsent(chatId, c -> new ArrayList<>()).add(entry);
        publish(chatId, entry);
    }

    private ObjectNode event(String type, ObjectNode message) {
        ObjectNode event = json.createObjectNode().put("type", type);
        event.set("message", message);
        return event;
    }

    private void publish(long chatId, ObjectNode event) {
        Event out = new Event(chatId, event.toString());
        subscribers.forEach(s -> s.accept(out));
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
