package dev.esimbot.conversation;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.billing.Iccids;
import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.Plan;
import dev.esimbot.i18n.Formats;
import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Billing values in the user's words: labels, status lines, plan lines, money. */
@Component
class Words {

    private final Texts texts;
    private final Formats formats;
    private final Clock clock;

    Words(Texts texts, Formats formats, Clock clock) {
        this.texts = texts;
        this.formats = formats;
        this.clock = clock;
    }

    /** "…4826": enough for the owner to tell eSIMs apart, never the whole ICCID. */
    String maskedIccid(String iccid) {
        return Iccids.lastDigits(iccid);
    }

    String label(Esim esim) {
        return "<b>" + Screens.escape(esim.planName()) + "</b> (" + maskedIccid(esim.iccid()) + ")";
    }

    String buttonLabel(Esim esim, Language language) {
        return esim.planName() + " " + maskedIccid(esim.iccid()) + " · " + shortStatus(esim, language);
    }

    String menuLine(Esim esim, Language language) {
        return "• " + label(esim) + " — " + shortStatus(esim, language);
    }

    String status(Esim esim, Language language) {
        return texts.get(language, "status.body", label(esim), Screens.escape(esim.region()),
                texts.get(language, "status." + esim.status().name()),
                formats.data(esim.dataLeftMb()), formats.data(esim.dataTotalMb()),
                formats.dateTime(esim.validUntil()), timeLeft(esim, language),
                texts.get(language, esim.autoRenew() ? "status.auto-renew.on" : "status.auto-renew.off"));
    }

    String planLine(Plan plan, Language language) {
        String line = texts.get(language, "plan.line", Screens.escape(plan.name()), planTerms(plan, language), money(plan.price(), language));
        return plan.promotion() == null || plan.promotion().isBlank() ? line : line + " — 🎁 " + Screens.escape(plan.promotion());
    }

    String planButton(Plan plan, Language language) {
        return plan.name() + " · " + planTerms(plan, language) + " · " + money(plan.price(), language);
    }

    String planTerms(Plan plan, Language language) {
        return texts.get(language, "plan.terms", formats.data(plan.dataMb()), plan.days());
    }

    String money(Money money, Language language) {
        return formats.money(money.amountMinor(), money.currency(), language);
    }

    String receipt(Order order, Esim esim, Language language) {
        return texts.get(language, "receipt.body", Screens.escape(order.id()), money(order.amount(), language), label(esim),
                Screens.escape(order.planName()), formats.dateTime(order.newValidUntil() != null ? order.newValidUntil() : esim.validUntil()));
    }

    String orderLine(Order order, Language language) {
        return "• <b>" + Screens.escape(order.id()) + "</b> · " + Screens.escape(order.planName()) + " · "
                + money(order.amount(), language) + " · " + formats.dateTime(order.createdAt()) + " · "
                + texts.get(language, "order." + order.status().name());
    }

    String shortStatus(Esim esim, Language language) {
        if (esim.status() != EsimStatus.ACTIVE) {
            return texts.get(language, "status." + esim.status().name());
        }
        return texts.get(language, "status.short", formats.data(esim.dataLeftMb()), timeLeft(esim, language));
    }

    private String timeLeft(Esim esim, Language language) {
        Duration left = Duration.between(Instant.now(clock), esim.validUntil());
        return left.isNegative() ? texts.get(language, "time.ended") : texts.get(language, "time.left", formats.remaining(left, language));
    }
}
