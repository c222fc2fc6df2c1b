package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.function.Consumer;

/** sendMessage, the edits and deleteMessage, with the error answers of the real API. */
final class MessageMethods {

    static final String NOT_MODIFIED = "message is not modified: specified new message content and reply markup "
            + "are exactly the same as a current content and reply markup of the message";
    private static final int MAX_TEXT_LENGTH = 4096;

    private final ChatView chats;

    MessageMethods(ChatView chats) {
        this.chats = chats;
    }

    ApiReply sendMessage(Call call) {
        Optional<ApiReply> invalid = checkChat(call).or(() -> checkText(call)).or(() -> checkMarkup(call));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        ObjectNode from = TelegramJson.botForToken(call.token());
        return ApiReply.ok(chats.send(call.chatId(), from, message -> {
            message.put("text", call.text());
            if (call.body().hasNonNull("message_thread_id")) {
                message.put("message_thread_id", call.body().path("message_thread_id").asInt()).put("is_topic_message", true);
            }
            setMarkup(message, call.body().get("reply_markup"));
        }));
    }

    /** Checks the fields Telegram requires of an invoice and shows it in the chat with its total. */
    ApiReply sendInvoice(Call call) {
        JsonNode body = call.body();
        JsonNode prices = body.path("prices");
        for (String field : new String[] {"title", "description", "payload", "currency"}) {
            if (body.path(field).asText("").isEmpty()) {
                return ApiReply.badRequest(field + " is empty");
            }
        }
        if (!prices.isArray() || prices.isEmpty()) {
            return ApiReply.badRequest("prices must be non-empty");
        }
        if (body.path("title").asText().length() > 32 || body.path("description").asText().length() > 255) {
            return ApiReply.badRequest("title or description is too long");
        }
        long total = 0;
        for (JsonNode price : prices) {
            total += price.path("amount").asLong();
        }
        long invoiceTotal = total;
        ObjectNode from = TelegramJson.botForToken(call.token());
        return checkChat(call).orElseGet(() -> ApiReply.ok(chats.send(call.chatId(), from, message -> message
                .putObject("invoice").put("title", body.path("title").asText())
                .put("description", body.path("description").asText()).put("start_parameter", "")
                .put("currency", body.path("currency").asText()).put("total_amount", invoiceTotal))));
    }

    ApiReply editMessageText(Call call) {
        return checkText(call).orElseGet(() -> edit(call, message -> message.put("text", call.text())));
    }

    ApiReply editMessageReplyMarkup(Call call) {
        return edit(call, message -> { });
    }

    ApiReply deleteMessage(Call call) {
        return checkChat(call).orElseGet(() -> chats.delete(call.chatId(), messageId(call))
                ? ApiReply.okTrue()
                : ApiReply.badRequest("message to delete not found"));
    }

    /** Omitting reply_markup in an edit removes the keyboard, as in the real API. */
    private ApiReply edit(Call call, Consumer<ObjectNode> change) {
        if (call.body().hasNonNull("inline_message_id")) {
            return ApiReply.okTrue();
        }
        Optional<ApiReply> invalid = checkChat(call).or(() -> checkMarkup(call));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        JsonNode markup = call.body().get("reply_markup");
        return chats.edit(call.chatId(), messageId(call), change.andThen(message -> setMarkup(message, markup)))
                .map(edit -> edit.modified() ? ApiReply.ok(edit.message()) : ApiReply.badRequest(NOT_MODIFIED))
                .orElseGet(() -> ApiReply.badRequest("message to edit not found"));
    }

    private static void setMarkup(ObjectNode message, JsonNode replyMarkup) {
        JsonNode inline = InlineMarkup.ofMessage(replyMarkup);
        if (inline == null) {
            message.remove("reply_markup");
        } else {
            message.set("reply_markup", inline);
        }
    }

    private static Optional<ApiReply> checkChat(Call call) {
        String chatId = call.param("chat_id");
        if (chatId == null || chatId.isEmpty()) {
            return Optional.of(ApiReply.badRequest("chat_id is empty"));
        }
        return chatId.matches("-?\\d{1,18}") ? Optional.empty() : Optional.of(ApiReply.badRequest("chat not found"));
    }

    private static Optional<ApiReply> checkText(Call call) {
        String text = call.text();
        if (text == null || text.isBlank()) {
            return Optional.of(ApiReply.badRequest("message text is empty"));
        }
        return text.length() > MAX_TEXT_LENGTH
                ? Optional.of(ApiReply.badRequest("message is too long"))
                : Optional.empty();
    }

    private static Optional<ApiReply> checkMarkup(Call call) {
        return InlineMarkup.hasInvalidCallbackData(call.body().get("reply_markup"))
                ? Optional.of(ApiReply.badRequest("BUTTON_DATA_INVALID"))
                : Optional.empty();
    }

    private static long messageId(Call call) {
        return call.body().path("message_id").asLong();
    }
}
