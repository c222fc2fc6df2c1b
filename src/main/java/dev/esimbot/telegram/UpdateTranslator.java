package dev.esimbot.telegram;

import dev.esimbot.announce.StaffTap;
import dev.esimbot.conversation.ChatInput;
import dev.esimbot.conversation.PreCheckout;
import dev.esimbot.conversation.TelegramPayment;
import dev.esimbot.support.StaffMessage;
import dev.esimbot.support.SupportProperties;
import dev.esimbot.conversation.ChatInput.Kind;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

/**
 * Turns a Bot API update into what the conversation understands. Only private chats are talked to; everything else
 * (groups, channels, membership changes, kinds we do not know) is ignored here with a debug line.
 */
@Component
class UpdateTranslator {

    private static final Logger log = LoggerFactory.getLogger(UpdateTranslator.class);
    private static final int MAX_TEXT = 4096;

    private final SupportProperties support;

    UpdateTranslator(SupportProperties support) {
        this.support = support;
    }

    /** A message posted in the configured staff group (by a member: Telegram delivers nothing else from there). */
    Optional<StaffMessage> staff(Update update) {
        Message message = update.getMessage();
        Long staffChat = support.staffChat();
        if (message == null || staffChat == null || !staffChat.equals(message.getChatId()) || message.getFrom() == null) {
            return Optional.empty();
        }
        Message replyTo = message.getReplyToMessage();
        boolean inTopic = Boolean.TRUE.equals(message.getIsTopicMessage());
        String text = message.hasText() ? message.getText() : message.getCaption();
        return Optional.of(new StaffMessage(update.getUpdateId(), message.getChatId(), message.getMessageId(),
                inTopic ? message.getMessageThreadId() : null, replyTo == null ? null : replyTo.getMessageId(),
                message.getFrom().getId(), Boolean.TRUE.equals(message.getFrom().getIsBot()), text, !message.hasText(),
                message.getFrom().getFirstName()));
    }

    /** A button tapped under a message in the staff group (an announcement's Confirm / Cancel). */
    Optional<StaffTap> staffTap(Update update) {
        CallbackQuery query = update.getCallbackQuery();
        Long staffChat = support.staffChat();
        if (query == null || staffChat == null || query.getMessage() == null
                || !staffChat.equals(query.getMessage().getChatId())) {
            return Optional.empty();
        }
        Integer messageId = query.getMessage() instanceof Message accessible ? accessible.getMessageId() : null;
        return Optional.of(new StaffTap(update.getUpdateId(), staffChat, messageId, query.getFrom().getId(),
                query.getId(), query.getData() == null ? "" : query.getData()));
    }

    Optional<ChatInput> translate(Update update) {
        if (update.hasMessage()) {
            return message(update.getUpdateId(), update.getMessage(), false);
        }
        if (update.hasEditedMessage()) {
            return message(update.getUpdateId(), update.getEditedMessage(), true);
        }
        if (update.hasCallbackQuery()) {
            return callback(update.getUpdateId(), update.getCallbackQuery());
        }
        log.debug("update={} of a kind the bot does not handle; ignored", update.getUpdateId());
        return Optional.empty();
    }

    /** Telegram asks whether an invoice may be charged; only queries from users (all are) are passed on. */
    Optional<PreCheckout> preCheckout(Update update) {
        if (!update.hasPreCheckoutQuery()) {
            return Optional.empty();
        }
        PreCheckoutQuery query = update.getPreCheckoutQuery();
        return Optional.of(new PreCheckout(update.getUpdateId(), query.getId(), query.getFrom().getId(),
                query.getFrom().getLanguageCode(), query.getInvoicePayload(), query.getCurrency(),
                query.getTotalAmount()));
    }

    /** The service message Telegram sends into the private chat once it charged an invoice. */
    Optional<TelegramPayment> payment(Update update) {
        Message message = update.getMessage();
        if (message == null || !message.hasSuccessfulPayment() || message.getChat() == null
                || !"private".equals(message.getChat().getType())) {
            return Optional.empty();
        }
        SuccessfulPayment paid = message.getSuccessfulPayment();
        return Optional.of(new TelegramPayment(update.getUpdateId(), message.getChatId(), paid.getInvoicePayload(),
                paid.getCurrency(), paid.getTotalAmount(), paid.getTelegramPaymentChargeId(),
                paid.getProviderPaymentChargeId()));
    }

    private Optional<ChatInput> message(long updateId, Message message, boolean edited) {
        if (message.getChat() == null || !"private".equals(message.getChat().getType())) {
            log.debug("update={} not from a private chat; ignored", updateId);
            return Optional.empty();
        }
        long chatId = message.getChatId();
        User from = message.getFrom();
        long userId = from != null ? from.getId() : chatId;
        String language = from != null ? from.getLanguageCode() : null;
        String name = from != null ? from.getFirstName() : null;
        if (edited || !message.hasText()) {
            return Optional.of(new ChatInput(updateId, chatId, userId, language, Kind.OTHER, null, null,
                    edited ? null : message.getMessageId(), name));
        }
        String text = message.getText().length() > MAX_TEXT ? message.getText().substring(0, MAX_TEXT) : message.getText();
        // Not Message.isCommand(): in TelegramBots 10.2 it is false until getEntities() has been called.
        Kind kind = text.startsWith("/") ? Kind.COMMAND : Kind.TEXT;
        return Optional.of(new ChatInput(updateId, chatId, userId, language, kind, text, null, message.getMessageId(),
                name));
    }

    /** A callback whose message is missing or inaccessible still works: in a private chat the chat id is from.id. */
    private Optional<ChatInput> callback(long updateId, CallbackQuery query) {
        MaybeInaccessibleMessage carrier = query.getMessage();
        if (carrier != null && carrier.getChat() != null && !"private".equals(carrier.getChat().getType())) {
            log.debug("update={} callback from a non-private chat; ignored", updateId);
            return Optional.empty();
        }
        long userId = query.getFrom().getId();
        Integer messageId = carrier instanceof Message accessible ? accessible.getMessageId() : null;
        String data = query.getData() == null ? "" : query.getData();
        return Optional.of(new ChatInput(updateId, userId, userId, query.getFrom().getLanguageCode(), Kind.BUTTON, data,
                query.getId(), messageId, query.getFrom().getFirstName()));
    }
}
