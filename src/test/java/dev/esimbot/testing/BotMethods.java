package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The Bot API methods the fake answers, looked up case-insensitively like the real server does. */
final class BotMethods {

    private static final String[] ANSWERED_WITH_TRUE = {
        "deleteWebhook", "setWebhook", "setMyCommands", "deleteMyCommands", "setMyDescription",
        "setMyShortDescription", "setChatMenuButton", "answerCallbackQuery", "sendChatAction", "answerPreCheckoutQuery",
    };

    private final Map<String, String> canonicalNames = new HashMap<>();
    private final Map<String, Function<Call, ApiReply>> handlers = new HashMap<>();
    private final UpdateQueue updates;

    BotMethods(UpdateQueue updates, MessageMethods messages, StaffMethods staff) {
        this.updates = updates;
        for (String method : ANSWERED_WITH_TRUE) {
            register(method, call -> ApiReply.okTrue());
        }
        register("getMe", call -> ApiReply.ok(TelegramJson.botForToken(call.token())));
        register("getUpdates", this::getUpdates);
        register("sendMessage", messages::sendMessage);
        register("sendInvoice", messages::sendInvoice);
        register("getChat", staff::getChat);
        register("createForumTopic", staff::createForumTopic);
        register("copyMessage", staff::copyMessage);
        register("editMessageText", messages::editMessageText);
        register("editMessageReplyMarkup", messages::editMessageReplyMarkup);
        register("deleteMessage", messages::deleteMessage);
    }

    /** The documented spelling of a known method, otherwise the name as requested. */
    String canonical(String method) {
        return canonicalNames.getOrDefault(method.toLowerCase(Locale.ROOT), method);
    }

    ApiReply handle(Call call) {
        return handlers.getOrDefault(call.method(), unknown -> ApiReply.notFound()).apply(call);
    }

    private void register(String method, Function<Call, ApiReply> handler) {
        canonicalNames.put(method.toLowerCase(Locale.ROOT), method);
        handlers.put(method, handler);
    }

    private ApiReply getUpdates(Call call) {
        JsonNode body = call.body();
        try {
            return updates.poll(body.path("offset").asLong(0), body.path("limit").asInt(0),
                    Duration.ofSeconds(body.path("timeout").asLong(0)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiReply.ok(Json.MAPPER.createArrayNode());
        }
    }
}
