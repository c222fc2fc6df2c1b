package dev.esimbot.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Bot API objects that updates and the fake's answers share: users, chats and the bot itself. */
final class TelegramJson {

    /** The bot id Telegram derives from a token like {@code 123:TEST}; used when a token has no numeric prefix. */
    static final long DEFAULT_BOT_ID = 123;
    static final String BOT_USERNAME = "esim_test_bot";

    private TelegramJson() {
    }

    static ObjectNode user(TestUser user) {
        ObjectNode node = Json.object()
                .put("id", user.id())
                .put("is_bot", false)
                .put("first_name", user.firstName());
        if (user.languageCode() != null) {
            node.put("language_code", user.languageCode());
        }
        return node;
    }

    static ObjectNode bot(long botId) {
        return Json.object()
                .put("id", botId)
                .put("is_bot", true)
                .put("first_name", "eSIM Test Bot")
                .put("username", BOT_USERNAME);
    }

    static ObjectNode bot() {
        return bot(DEFAULT_BOT_ID);
    }

    /** A real bot token starts with the bot's user id. */
    static ObjectNode botForToken(String token) {
        String prefix = token.contains(":") ? token.substring(0, token.indexOf(':')) : "";
        return bot(prefix.matches("\\d{1,18}") ? Long.parseLong(prefix) : DEFAULT_BOT_ID);
    }

    static ObjectNode privateChat(TestUser user) {
        ObjectNode chat = Json.object().put("id", user.id()).put("type", "private");
        return chat.put("first_name", user.firstName());
    }

    /** The chat of an id nothing is known about: positive ids are users, -100... ids supergroups or channels. */
    static ObjectNode chatById(long chatId) {
        if (chatId > 0) {
            return Json.object().put("id", chatId).put("type", "private");
        }
        String type = String.valueOf(chatId).startsWith("-100") ? "supergroup" : "group";
        return Json.object().put("id", chatId).put("type", type).put("title", "Test group");
    }

    static ObjectNode groupChat(long chatId, String type, String title) {
        return Json.object().put("id", chatId).put("type", type).put("title", title);
    }

    /** The common head of a Message; {@code from} is null for channel posts. */
    static ObjectNode message(long messageId, ObjectNode from, ObjectNode chat, long date) {
        ObjectNode message = Json.object().put("message_id", messageId);
        if (from != null) {
            message.set("from", from);
        }
        message.set("chat", chat);
        return message.put("date", date);
    }
}
