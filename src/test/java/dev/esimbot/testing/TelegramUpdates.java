package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Instant;

/**
 * Builders of real Bot API update JSON. Messages get {@code message_id == updateId} and {@code date} = now; use
 * {@link #withDate} for an older message. The bot that "sent" earlier messages is {@code 123 / @esim_test_bot}.
 */
public final class TelegramUpdates {

    private TelegramUpdates() {
    }

    /** A text message from the user in their private chat with the bot. */
    public static ObjectNode text(long updateId, TestUser user, String text) {
        return update(updateId, "message", privateMessage(updateId, user).put("text", text));
    }

    /** A command such as {@code /start} with an optional payload (deep link parameter); null means none. */
    public static ObjectNode command(long updateId, TestUser user, String command, String payload) {
        String text = payload == null || payload.isEmpty() ? command : command + " " + payload;
        ObjectNode message = privateMessage(updateId, user).put("text", text);
        message.putArray("entities").addObject()
                .put("type", "bot_command")
                .put("offset", 0)
                .put("length", command.length());
        return update(updateId, "message", message);
    }

    /** A button press on the bot's message {@code messageId}; the embedded message carries a placeholder text. */
    public static ObjectNode callback(long updateId, TestUser user, long messageId, String data) {
        ObjectNode message = TelegramJson.message(messageId, TelegramJson.bot(), TelegramJson.privateChat(user), now());
        return callbackUpdate(updateId, user, data, "message", message.put("text", "(bot message)"));
    }

    /** A button press on a message exactly as the fake sent it, e.g. {@code fake.lastMessageTo(user.id())}. */
    public static ObjectNode callback(long updateId, TestUser user, JsonNode botMessage, String data) {
        return callbackUpdate(updateId, user, data, "message", botMessage.deepCopy());
    }

    /** A press on a message too old for Telegram to include: an InaccessibleMessage, recognised by date 0. */
    public static ObjectNode callbackInaccessible(long updateId, TestUser user, long messageId, String data) {
        ObjectNode message = TelegramJson.message(messageId, null, TelegramJson.privateChat(user), 0);
        return callbackUpdate(updateId, user, data, "message", message);
    }

    /** A press on an inline-mode message: no message, only inline_message_id. */
    public static ObjectNode callbackWithoutMessage(long updateId, TestUser user, String inlineMessageId, String data) {
        return callbackUpdate(updateId, user, data, "inline_message_id", TextNode.valueOf(inlineMessageId));
    }

    public static ObjectNode sticker(long updateId, TestUser user, String emoji) {
        ObjectNode message = privateMessage(updateId, user);
        message.putObject("sticker")
                .put("file_id", "CAACAgIAAxkBAAE" + updateId)
                .put("file_unique_id", "AgAD" + updateId)
                .put("type", "regular")
                .put("width", 512)
                .put("height", 512)
                .put("is_animated", false)
                .put("is_video", false)
                .put("emoji", emoji);
        return update(updateId, "message", message);
    }

    /** A photo in two sizes, as Telegram sends it; caption may be null. */
    public static ObjectNode photo(long updateId, TestUser user, String caption) {
        ObjectNode message = privateMessage(updateId, user);
        var sizes = message.putArray("photo");
        sizes.add(photoSize(updateId, "s", 90));
        sizes.add(photoSize(updateId, "m", 1280));
        if (caption != null) {
            message.put("caption", caption);
        }
        return update(updateId, "message", message);
    }

    /** The user edited their earlier message {@code messageId} to {@code newText}. */
    public static ObjectNode editedMessage(long updateId, TestUser user, long messageId, String newText) {
        ObjectNode message = privateMessage(messageId, user).put("text", newText);
        message.put("edit_date", now());
        return update(updateId, "edited_message", message);
    }

    /** The bot's membership in the user's private chat changed, e.g. {@code "kicked"} when the user blocks the bot. */
    public static ObjectNode myChatMember(long updateId, TestUser user, String newStatus) {
        ObjectNode change = Json.object();
        change.set("chat", TelegramJson.privateChat(user));
        change.set("from", TelegramJson.user(user));
        change.put("date", now());
        String oldStatus = "kicked".equals(newStatus) ? "member" : "kicked";
        change.set("old_chat_member", botMember(oldStatus));
        change.set("new_chat_member", botMember(newStatus));
        return update(updateId, "my_chat_member", change);
    }

    public static ObjectNode groupMessage(long updateId, TestUser user, long groupChatId, String text) {
        ObjectNode chat = TelegramJson.groupChat(groupChatId, "supergroup", "Test group");
        ObjectNode message = TelegramJson.message(updateId, TelegramJson.user(user), chat, now());
        return update(updateId, "message", message.put("text", text));
    }

    /** An agent writes in the staff supergroup: in a topic ({@code topicId}) and/or as a reply to a message. */
    public static ObjectNode staffMessage(long updateId, TestUser agent, long staffChat, Integer topicId,
                                          Integer replyTo, String text) {
        ObjectNode chat = TelegramJson.groupChat(staffChat, "supergroup", "Staff").put("is_forum", topicId != null);
        ObjectNode message = TelegramJson.message(updateId, TelegramJson.user(agent), chat, now());
        if (topicId != null) {
            message.put("message_thread_id", topicId).put("is_topic_message", true);
        }
        if (replyTo != null) {
            ObjectNode original = TelegramJson.message(replyTo, TelegramJson.bot(), chat.deepCopy(), now());
            if (topicId != null) {
                original.put("message_thread_id", topicId).put("is_topic_message", true);
            }
            message.set("reply_to_message", original.put("text", "…"));
        }
        return update(updateId, "message", text == null ? message : message.put("text", text));
    }

    /** An agent posts a photo (with an optional caption) in the staff supergroup. */
    public static ObjectNode staffPhoto(long updateId, TestUser agent, long staffChat, Integer topicId,
                                        Integer replyTo, String caption) {
        ObjectNode update = staffMessage(updateId, agent, staffChat, topicId, replyTo, null);
        ObjectNode message = (ObjectNode) update.get("message");
        var sizes = message.putArray("photo");
        sizes.add(photoSize(updateId, "s", 90));
        sizes.add(photoSize(updateId, "m", 1280));
        if (caption != null) {
            message.put("caption", caption);
        }
        return update;
    }

    public static ObjectNode channelPost(long updateId, long channelId, String text) {
        ObjectNode chat = TelegramJson.groupChat(channelId, "channel", "Test channel");
        ObjectNode message = TelegramJson.message(updateId, null, chat, now());
        message.set("sender_chat", chat.deepCopy());
        return update(updateId, "channel_post", message.put("text", text));
    }

    /** Sets the {@code date} of the update's message (or callback message) to an earlier or later moment. */
    public static ObjectNode withDate(ObjectNode update, Instant date) {
        update.findParents("date").stream()
                .filter(parent -> parent.path("date").asLong() != 0)
                .forEach(parent -> ((ObjectNode) parent).put("date", date.getEpochSecond()));
        return update;
    }

    /** Telegram asks the bot whether an invoice may be charged (Bot API {@code pre_checkout_query}). */
    public static ObjectNode preCheckout(long updateId, TestUser user, String payload, String currency, long total) {
        ObjectNode query = Json.object().put("id", String.valueOf(5_000_000_000L + updateId));
        query.set("from", TelegramJson.user(user));
        query.put("currency", currency).put("total_amount", total).put("invoice_payload", payload);
        return update(updateId, "pre_checkout_query", query);
    }

    /** The service message Telegram puts in the chat after charging an invoice ({@code successful_payment}). */
    public static ObjectNode successfulPayment(long updateId, TestUser user, String payload, String currency,
                                               long total, String chargeId) {
        ObjectNode message = privateMessage(updateId, user);
        message.putObject("successful_payment").put("currency", currency).put("total_amount", total)
                .put("invoice_payload", payload).put("telegram_payment_charge_id", chargeId)
                .put("provider_payment_charge_id", "pi_" + chargeId);
        return update(updateId, "message", message);
    }

    public static String json(JsonNode update) {
        return update.toString();
    }

    static ObjectNode update(long updateId, String field, ObjectNode payload) {
        ObjectNode update = Json.object().put("update_id", updateId);
        update.set(field, payload);
        return update;
    }

    private static ObjectNode callbackUpdate(long updateId, TestUser user, String data, String field, JsonNode origin) {
        ObjectNode query = Json.object().put("id", String.valueOf(4_000_000_000L + updateId));
        query.set("from", TelegramJson.user(user));
        query.set(field, origin);
        query.put("chat_instance", String.valueOf(-user.id() * 7));
        return update(updateId, "callback_query", query.put("data", data));
    }

    static ObjectNode privateMessage(long messageId, TestUser user) {
        return TelegramJson.message(messageId, TelegramJson.user(user), TelegramJson.privateChat(user), now());
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    private static ObjectNode photoSize(long updateId, String size, int width) {
        return Json.object()
                .put("file_id", "AgACAgIAAxkBAAE" + updateId + size)
                .put("file_unique_id", "AQAD" + updateId + size)
                .put("width", width)
                .put("height", width * 3 / 4)
                .put("file_size", width * 100);
    }

    private static ObjectNode botMember(String status) {
        ObjectNode member = Json.object().put("status", status);
        member.set("user", TelegramJson.bot());
        return "kicked".equals(status) ? member.put("until_date", 0) : member;
    }
}
