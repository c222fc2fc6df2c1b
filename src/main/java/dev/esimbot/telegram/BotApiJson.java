package dev.esimbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

/**
 * Bot API JSON with TelegramBots' own Jackson 2 mapper (the library's objects carry Jackson 2 annotations). Spring's
 * web layer is on Jackson 3; the two never meet: the webhook reads its body as a String and parses it here.
 */
final class BotApiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BotApiJson() {
    }

    /** The update, or empty when the text is not an update's JSON. */
    static Optional<Update> read(String json) {
        try {
            Update update = MAPPER.readValue(json, Update.class);
            return update == null || update.getUpdateId() == null ? Optional.empty() : Optional.of(update);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String write(Update update) {
        try {
            return MAPPER.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("update " + update.getUpdateId() + " could not be written as JSON", e);
        }
    }

    /**
     * The chat an update belongs to, which picks its partition: the chat of a message or of a button's message, the
     * user of a pre-checkout query, the chat of a membership change. 0 for kinds that belong to no chat.
     */
    static long chatOf(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasEditedMessage()) {
            return update.getEditedMessage().getChatId();
        }
        if (update.hasCallbackQuery()) {
            MaybeInaccessibleMessage message = update.getCallbackQuery().getMessage();
            return message != null && message.getChat() != null ? message.getChatId() : update.getCallbackQuery().getFrom().getId();
        }
        if (update.hasPreCheckoutQuery()) {
            return update.getPreCheckoutQuery().getFrom().getId();
        }
        if (update.getMyChatMember() != null && update.getMyChatMember().getChat() != null) {
            return update.getMyChatMember().getChat().getId();
        }
        return Optional.ofNullable(update.getChannelPost()).map(post -> post.getChatId()).orElse(0L);
    }
}
