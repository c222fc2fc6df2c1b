package dev.esimbot.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a staff supergroup needs from the fake: getChat (with is_forum), createForumTopic, and copyMessage, which
 * answers a new message id in the target chat and keeps the copy there with the source it came from.
 */
final class StaffMethods {

    private final ChatView chats;
    private final Map<Long, Boolean> forums = new ConcurrentHashMap<>();
    private final AtomicInteger topics = new AtomicInteger(100);

    StaffMethods(ChatView chats) {
        this.chats = chats;
    }

    /** Declares a supergroup the bot is a member of, with or without topics. */
    void group(long chatId, boolean forum) {
        forums.put(chatId, forum);
    }

    ApiReply getChat(Call call) {
        long chatId = call.chatId();
        if (chatId > 0) {
            return ApiReply.ok(TelegramJson.chatById(chatId).put("max_reaction_count", 11).put("accent_color_id", 0));
        }
        Boolean forum = forums.get(chatId);
        if (forum == null) {
            return ApiReply.badRequest("chat not found");
        }
        return ApiReply.ok(TelegramJson.groupChat(chatId, "supergroup", "Staff").put("is_forum", forum)
                .put("max_reaction_count", 11).put("accent_color_id", 0));
    }

    ApiReply createForumTopic(Call call) {
        Boolean forum = forums.get(call.chatId());
        if (forum == null) {
            return ApiReply.badRequest("chat not found");
        }
        if (!forum) {
            return ApiReply.badRequest("the chat is not a forum");
        }
        return ApiReply.ok(Json.object().put("message_thread_id", topics.incrementAndGet())
                .put("name", call.param("name")).put("icon_color", 7322096));
    }

    ApiReply copyMessage(Call call) {
        long to = call.chatId();
        if (to < 0 && !forums.containsKey(to)) {
            return ApiReply.error(403, "Forbidden: bot is not a member of the supergroup chat");
        }
        ObjectNode from = TelegramJson.botForToken(call.token());
        ObjectNode copy = chats.send(to, from, message -> {
            message.putObject("copy_of").put("chat_id", call.body().path("from_chat_id").asLong())
                    .put("message_id", call.body().path("message_id").asLong());
            if (call.body().hasNonNull("message_thread_id")) {
                message.put("message_thread_id", call.body().path("message_thread_id").asInt()).put("is_topic_message", true);
            }
        });
        return ApiReply.ok(Json.object().put("message_id", copy.path("message_id").asLong()));
    }
}
