package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.BillingUnavailableException;
import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.TelegramCharge;
import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import dev.esimbot.session.ChatSessions;
import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The money side of native Telegram invoices. Before Telegram charges, the order is checked against billing (see
 * {@link PreCheckoutCheck}). Once it has charged, the payment is stored in Redis before anything else and reported
 * to billing by its charge id until billing has answered, so a billing outage or a crash never loses a paid renewal;
 * billing's answer then settles the order like a webhook would.
 */
@Component
public class InvoicePayments {

    private static final Logger log = LoggerFactory.getLogger(InvoicePayments.class);

    /** How long a received charge is recognised when Telegram delivers it again. */
    private static final Duration CHARGE_SEEN = Duration.ofDays(7);

    private final PreCheckoutCheck check;
    private final BillingClient billing;
    private final Payments payments;
    private final Messenger messenger;
    private final Texts texts;
    private final ChatSessions sessions;
    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final ApplicationEventPublisher events;

    InvoicePayments(PreCheckoutCheck check, BillingClient billing, Payments payments, Messenger messenger, Texts texts,
                    ChatSessions sessions, UnifiedJedis redis, RedisKeys keys, ApplicationEventPublisher events) {
        this.check = check;
        this.billing = billing;
        this.payments = payments;
        this.messenger = messenger;
        this.texts = texts;
        this.sessions = sessions;
        this.redis = redis;
        this.keys = keys;
        this.events = events;
    }

    /** Answers Telegram's pre-checkout query: yes only for an open order of this user at billing's current price. */
    public void check(PreCheckout query) {
        String refusal = check.refusal(query);
        Language language = language(query.userId(), query.languageCode());
        messenger.answerPreCheckout(query.queryId(), refusal == null ? null : texts.get(language, refusal));
        log.info("chat={} update={} order={} pre-checkout {}", query.userId(), query.updateId(), query.payload(),
                refusal == null ? "accepted" : "refused: " + refusal);
    }

    /**
     * Telegram took the money: stored first, then reported. A redelivered update of a charge already seen changes
     * nothing: stored and not reported yet, the reconciliation reports it; reported, billing has answered for it, and
     * telling the user or staff again, or reporting it again, would only repeat that answer.
     */
    public void paid(TelegramPayment payment) {
        String seen = keys.telegramChargeSeen(payment.telegramChargeId());
        if (redis.exists(seen)) {
            log.info("chat={} update={} order={} Telegram payment seen before; nothing to do", payment.chatId(),
                    payment.updateId(), payment.payload());
            return;
        }
        boolean first = redis.hsetnx(keys.unreportedTelegramPayments(), payment.telegramChargeId(), encode(payment)) == 1;
        redis.set(seen, "1", SetParams.setParams().ex(CHARGE_SEEN.toSeconds())); // after the store: a crash between repeats it
        log.info("chat={} update={} order={} Telegram payment received", payment.chatId(), payment.updateId(),
                payment.payload());
        if (!report(payment) && first) {
            tell(payment.chatId(), "payment.confirming", payment.payload());
        }
    }

    /** Payments billing could not take yet are reported again on the reconciliation schedule. */
    @Scheduled(initialDelay = 3_000, fixedDelayString = "${bot.reconcile-every:15s}")
    public void reportAgain() {
        try {
            Map<String, String> waiting = redis.hgetAll(keys.unreportedTelegramPayments());
            waiting.forEach((charge, stored) -> report(decode(charge, stored)));
        } catch (RuntimeException e) {
            log.warn("reporting Telegram payments again failed: {}", e.toString());
        }
    }

    /** True once billing has answered for the payment (booked or refused); false while billing is unreachable. */
    private boolean report(TelegramPayment payment) {
        Money amount = new Money(payment.totalAmount(), payment.currency());
        try {
            Order order = billing.reportTelegramPayment(payment.payload(),
                    new TelegramCharge(payment.telegramChargeId(), payment.providerChargeId(), amount));
            redis.hdel(keys.unreportedTelegramPayments(), payment.telegramChargeId());
            payments.booked(payment.chatId(), order);
            return true;
        } catch (BillingUnavailableException e) {
            log.warn("chat={} order={} Telegram payment not booked yet, billing unavailable", payment.chatId(),
                    payment.payload());
            return false;
        } catch (BillingRejectedException e) {
            redis.hdel(keys.unreportedTelegramPayments(), payment.telegramChargeId());
            log.error("chat={} order={} Telegram payment refused by billing: {} {}", payment.chatId(), payment.payload(),
                    e.status(), e.code());
            tell(payment.chatId(), "already_paid".equals(e.code()) ? "payment.duplicate" : "payment.unmatched",
                    payment.payload());
            events.publishEvent(new TelegramPaymentUnmatched(payment.chatId(), payment.payload(),
                    payment.telegramChargeId(), e.code()));
            return true;
        }
    }

    private void tell(long chatId, String key, String orderId) {
        String text = texts.get(language(chatId, null), key, Screens.escape(orderId));
        messenger.send(chatId, new Reply(text, List.of()));
    }

    private Language language(long chatId, String telegramLanguage) {
        ChatContext context = new ChatContext(sessions.peek(chatId).data());
        return context.hasLanguage() ? context.language() : Language.fromTelegram(telegramLanguage);
    }

    private static String encode(TelegramPayment p) {
        return String.join("\t", Long.toString(p.updateId()), Long.toString(p.chatId()), p.payload(), p.currency(),
                Long.toString(p.totalAmount()), p.providerChargeId() == null ? "" : p.providerChargeId());
    }

    private static TelegramPayment decode(String chargeId, String stored) {
        String[] f = stored.split("\t", -1);
        return new TelegramPayment(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3], Long.parseLong(f[4]),
                chargeId, f[5].isEmpty() ? null : f[5]);
    }
}
