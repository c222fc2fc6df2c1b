package dev.esimbot.support;

import dev.esimbot.billing.Iccids;
import dev.esimbot.billing.Order;
import dev.esimbot.conversation.Messenger;
import dev.esimbot.conversation.RenewalStalled;
import dev.esimbot.conversation.Reply;
import dev.esimbot.conversation.TelegramPaymentUnmatched;
import dev.esimbot.i18n.Texts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the staff group what people must fix by hand: a paid renewal billing did not apply, a Telegram payment billing
 * would not book. An alert that
 * cannot be posted is logged at ERROR and counted, and never fails the user's side of the story.
 */
@Component
class StaffAlerts {

    private static final Logger log = LoggerFactory.getLogger(StaffAlerts.class);

    private final SupportProperties properties;
    private final Messenger messenger;
    private final Texts texts;
    private final Counter posted;
    private final Counter unposted;

    StaffAlerts(SupportProperties properties, Messenger messenger, Texts texts, MeterRegistry meters) {
        this.properties = properties;
        this.messenger = messenger;
        this.texts = texts;
        this.posted = meters.counter("bot.staff.alerts", "outcome", "posted");
        this.unposted = meters.counter("bot.staff.alerts", "outcome", "not_posted");
    }

    @EventListener
    void on(RenewalStalled stalled) {
        Order order = stalled.order();
        post(order.id(), stalled.chatId(), order.status().name(), texts.get(properties.language(),
                "staff.renewal-stalled", order.id(), stalled.chatId(), Iccids.lastDigits(order.iccid()), order.planName(),
                order.status().name()));
    }

    @EventListener
    void on(TelegramPaymentUnmatched unmatched) {
        post(unmatched.orderId(), unmatched.chatId(), unmatched.billingCode(), texts.get(properties.language(),
                "staff.payment-unmatched", unmatched.orderId(), unmatched.chatId(), unmatched.telegramChargeId(),
                unmatched.billingCode()));
    }

    private void post(String orderId, long chatId, String reason, String text) {
        Long staffChat = properties.staffChat();
        if (staffChat == null) {
            unposted.increment();
            log.error("order={} chat={} needs staff ({}), but SUPPORT_CHAT_ID is not set", orderId, chatId, reason);
            return;
        }
        try {
            if (messenger.send(staffChat, new Reply(text, List.of())) != null) {
                posted.increment();
                return;
            }
        } catch (RuntimeException e) {
            log.error("order={} staff alert failed: {}", orderId, e.toString());
        }
        unposted.increment();
        log.error("order={} chat={} needs staff ({}), and the staff group could not be reached", orderId, chatId, reason);
    }
}
