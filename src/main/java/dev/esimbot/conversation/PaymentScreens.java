package dev.esimbot.conversation;

import static dev.esimbot.conversation.JourneyEvent.*;
import static dev.esimbot.conversation.Screens.escape;

import dev.esimbot.billing.BillingUnavailableException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.Plan;
import dev.esimbot.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The screens of an order, from choosing a plan through paying to a payment that failed; drawn for {@link Screens}. */
@Component
class PaymentScreens {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentScreens.class);

    private final Texts texts;
    private final Words words;
    private final Messenger messenger;

    PaymentScreens(Texts texts, Words words, Messenger messenger) {
        this.texts = texts;
        this.words = words;
        this.messenger = messenger;
    }

    String plansText(Turn turn) {
        String iccid = turn.context.esim();
        List<Plan> plans = turn.plans(iccid);
        if (plans.isEmpty()) {
            return text(turn, "plans.none", words.label(turn.esim(iccid)));
        }
        StringBuilder text = new StringBuilder(text(turn, "plans.title", words.label(turn.esim(iccid))));
        plans.forEach(p -> text.append('\n').append(words.planLine(p, turn.language())));
        return text.toString();
    }

    List<List<Button>> planButtons(Turn turn, Keys keys) {
        List<List<Button>> rows = new ArrayList<>();
        for (Plan plan : turn.plans(turn.context.esim())) {
            if (!CallbackData.fits(plan.id())) {
                log.warn("plan id of length {} cannot ride on a button; plan not offered", plan.id().length());
                continue;
            }
            rows.add(List.of(Button.callback(words.planButton(plan, turn.language()),
                    CallbackData.of(PLAN_CHOSEN, plan.id(), keys.version).encode())));
        }
        rows.add(List.of(keys.button("btn.back", SHOW_ESIM, turn.context.esim())));
        return rows;
    }

    String summaryText(Turn turn) {
        Esim esim = turn.esim(turn.context.esim());
        Plan plan = turn.plan(esim.iccid(), turn.context.plan()).orElseThrow();
        return text(turn, "confirm.summary", words.label(esim), escape(plan.name()), words.planTerms(plan, turn.language()),
                words.money(plan.price(), turn.language()));
    }

    String paymentText(Turn turn) {
        Order order = turn.order(turn.context.order());
        return text(turn, "payment.body", escape(order.id()), labelOrMasked(turn, order.iccid()), escape(order.planName()),
                words.money(order.amount(), turn.language()));
    }

    /** The checkout link must reach the user even when billing cannot describe the eSIM right now. */
    private String labelOrMasked(Turn turn, String iccid) {
        try {
            return words.label(turn.esim(iccid));
        } catch (BillingUnavailableException e) {
            return words.maskedIccid(iccid);
        }
    }

    List<List<Button>> paymentButtons(Turn turn, Keys keys) {
        Order order = turn.order(turn.context.order());
        String pay = text(turn, "btn.pay", words.money(order.amount(), turn.language()));
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(Button.link(pay, order.checkoutUrl())));
        if (messenger.invoicesEnabled()) {
            rows.add(List.of(keys.button("btn.pay-telegram", PAY_IN_TELEGRAM)));
        }
        rows.add(List.of(keys.button("btn.menu", OPEN_MENU)));
        return rows;
    }

    /** After a second failed payment in a row a person is the likelier way out, so it comes first. */
    List<List<Button>> failedButtons(Turn turn, Keys keys) {
        List<Button> again = List.of(keys.button("btn.retry", RETRY), keys.button("btn.another-plan", CHANGE_PLAN));
        Button person = keys.button("btn.support", SUPPORT);
        Button menu = keys.button("btn.menu", OPEN_MENU);
        return suggestsPerson(turn) ? List.of(List.of(person), again, List.of(menu)) : List.of(again, List.of(person, menu));
    }

    boolean suggestsPerson(Turn turn) {
        return turn.context.failedPayments() >= 2;
    }

    String suggestPerson(Turn turn) {
        return suggestsPerson(turn) ? "\n\n" + text(turn, "failed.suggest-person") : "";
    }

    String failedText(Turn turn) {
        return failedText(turn, turn.order(turn.context.order()));
    }

    String failedText(Turn turn, Order order) {
        String reason = switch (order.status()) {
            case EXPIRED -> "failed.expired";
            case DECLINED -> "failed.declined";
            case FAILED -> "renewal.failed";
            case PAID -> "renewal.delayed";
            default -> "failed.other";
        };
        return text(turn, reason, escape(order.id()), labelOrMasked(turn, order.iccid()));
    }

    private String text(Turn turn, String key, Object... args) {
        return texts.get(turn.language(), key, args);
    }
}
