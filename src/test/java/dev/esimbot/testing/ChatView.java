package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bot's messages per chat as the user currently sees them: sent, then edited or deleted. Message ids are
 * counted per chat and stay above the ids of the user's own messages, as in a real private chat.
 */
final class ChatView {

    /** The outcome of an edit of a known message. */
    record Edit(ObjectNode message, boolean modified) {
    }

    private final Clock clock;
    private final Map<Long, Chat> chats = new HashMap<>();

    ChatView(Clock clock) {
        this.clock = clock;
    }

    /** Remembers what Telegram would know from an incoming update: the chat object and the used message id. */
    synchronized void observe(JsonNode message) {
        JsonNode chat = message.path("chat");
        if (chat.isObject() && message.path("message_id").isNumber()) {
            Chat known = chat(chat.path("id").asLong());
            known.info = (ObjectNode) chat.deepCopy();
            known.lastId = Math.max(known.lastId, message.path("message_id").asLong());
        }
    }

    /** Completes {@code message} (id, chat, date) and stores it. */
    synchronized ObjectNode send(long chatId, ObjectNode from, Consumer<ObjectNode> content) {
        Chat chat = chat(chatId);
        ObjectNode message = TelegramJson.message(++chat.lastId, from, chat.info.deepCopy(), now());
        content.accept(message);
        chat.messages.put(chat.lastId, message);
        return message.deepCopy();
    }

    /** Applies {@code change} to a copy and keeps it if anything changed; empty when no such message. */
    synchronized Optional<Edit> edit(long chatId, long messageId, Consumer<ObjectNode> change) {
        ObjectNode current = chat(chatId).messages.get(messageId);
        if (current == null) {
            return Optional.empty();
        }
        ObjectNode edited = current.deepCopy();
        change.accept(edited);
        edited.remove("edit_date");
        if (edited.equals(current.deepCopy().without("edit_date"))) {
            return Optional.of(new Edit(current.deepCopy(), false));
        }
        edited.put("edit_date", now());
        chat(chatId).messages.put(messageId, edited);
        return Optional.of(new Edit(edited.deepCopy(), true));
    }

    synchronized boolean delete(long chatId, long messageId) {
        return chat(chatId).messages.remove(messageId) != null;
    }

    synchronized List<JsonNode> messagesTo(long chatId) {
        return chat(chatId).messages.values().stream().map(message -> (JsonNode) message.deepCopy()).toList();
    }

    private Chat chat(long chatId) {
        return chats.computeIfAbsent(chatId, id -> new Chat(TelegramJson.chatById(id)));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static final class Chat {
        private final Map<Long, ObjectNode> messages = new LinkedHashMap<>();
        private ObjectNode info;
        private long lastId;

        private Chat(ObjectNode info) {
            this.info = info;
        }
    }
}
