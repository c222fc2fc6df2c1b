package dev.esimbot.telegram;

import dev.esimbot.conversation.Button;
import dev.esimbot.conversation.Invoice;
import dev.esimbot.conversation.Messenger;
import dev.esimbot.conversation.Reply;
import java.io.Serializable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Sends replies as Bot API calls: HTML text, inline keyboards, edits in place, callback answers. */
@Component
class TelegramMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(TelegramMessenger.class);
    private static final int MAX_TEXT = 4096;

    private final TelegramClient client;
    private final TelegramProperties properties;
    private final BotCalls calls;

    TelegramMessenger(TelegramClient client, TelegramProperties properties, TelegramHealth health) {
        this.client = client;
        this.properties = properties;
        this.calls = new BotCalls(properties, health.contact());
    }

    @Override
    public Integer send(long chatId, Reply reply) {
        SendMessage message = sendMessage(chatId, reply);
        Message sent = calls.call(chatId, "sendMessage", () -> client.execute(message));
        return sent == null ? null : sent.getMessageId();
    }

    /** A reply as a sendMessage call: HTML, no link previews, the inline keyboard. Notices go out the same way. */
    static SendMessage sendMessage(long chatId, Reply reply) {
        return SendMessage.builder().chatId(chatId).text(fit(reply.text())).parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(markup(reply.rows())).build();
    }

    @Override
    public boolean edit(long chatId, int messageId, Reply reply) {
        EditMessageText edit = EditMessageText.builder().chatId(chatId).messageId(messageId).text(fit(reply.text()))
                .parseMode("HTML").linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(markup(reply.rows())).build();
        Serializable result = calls.call(chatId, "editMessageText", () -> client.execute(edit));
        return result != null;
    }

    @Override
    public void answerCallback(String callbackQueryId) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
        } catch (TelegramApiException e) {
            log.debug("answerCallbackQuery failed: {}", e.getMessage());
        }
    }

    @Override
    public boolean invoicesEnabled() {
        return !properties.localMode() && !properties.paymentProviderToken().isEmpty();
    }

    @Override
    public Integer sendInvoice(long chatId, Invoice invoice) {
        if (!invoicesEnabled()) {
            return null;
        }
        SendInvoice send = SendInvoice.builder().chatId(chatId).title(invoice.title())
                .description(invoice.description()).payload(invoice.payload())
                .providerToken(properties.paymentProviderToken()).currency(invoice.price().currency())
                .price(new LabeledPrice(invoice.priceLabel(), Math.toIntExact(invoice.price().amountMinor()))).build();
        Message sent = calls.call(chatId, "sendInvoice", () -> client.execute(send));
        return sent == null ? null : sent.getMessageId();
    }

    @Override
    public void answerPreCheckout(String queryId, String refusal) {
        AnswerPreCheckoutQuery answer = AnswerPreCheckoutQuery.builder().preCheckoutQueryId(queryId)
                .ok(refusal == null).errorMessage(refusal).build();
        calls.call(0, "answerPreCheckoutQuery", () -> client.execute(answer));
    }

    /** Telegram refuses texts over 4096 characters; a cut text is better than no answer. */
    private static String fit(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static InlineKeyboardMarkup markup(List<List<Button>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> keyboard = rows.stream().map(row -> new InlineKeyboardRow(row.stream().map(TelegramMessenger::button).toList())).toList();
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }

    private static InlineKeyboardButton button(Button button) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> builder = InlineKeyboardButton.builder().text(button.text());
        return button.url() != null ? builder.url(button.url()).build() : builder.callbackData(button.callbackData()).build();
    }
}
