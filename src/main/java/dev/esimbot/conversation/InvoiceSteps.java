package dev.esimbot.conversation;

import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Pay in Telegram": a native invoice for the open order, with the order id as its payload and billing's amount as
 * its price. Paying it is checked again at pre-checkout ({@link InvoicePayments}), so a stale invoice cannot charge.
 */
@Component
class InvoiceSteps {

    private static final Logger log = LoggerFactory.getLogger(InvoiceSteps.class);
    private static final int MAX_TITLE = 32;
    private static final int MAX_DESCRIPTION = 255;

    private final Messenger messenger;
    private final Texts texts;
    private final Words words;

    InvoiceSteps(Messenger messenger, Texts texts, Words words) {
        this.messenger = messenger;
        this.texts = texts;
        this.words = words;
    }

    void send(Turn turn) {
        Order order = turn.order(turn.context.order());
        if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            turn.notice("invoice.order-closed");
            return;
        }
        String description = texts.get(turn.language(), "invoice.description", words.maskedIccid(order.iccid()),
                order.planName(), order.id());
        Invoice invoice = new Invoice(order.id(), cut(order.planName(), MAX_TITLE), cut(description, MAX_DESCRIPTION),
                order.planName(), order.amount());
        if (!messenger.invoicesEnabled() || messenger.sendInvoice(turn.chatId, invoice) == null) {
            turn.notice("invoice.unavailable");
            return;
        }
        log.info("chat={} order={} invoice sent", turn.chatId, order.id());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
