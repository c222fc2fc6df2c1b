package dev.esimbot.conversation;

import static dev.esimbot.conversation.JourneyEvent.*;

import dev.esimbot.billing.BillingUnavailableException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Draws the screen of a state: its text (unless the turn replaced it) under the turn's notices, and its buttons. */
@Component
class Screens {

    private final Texts texts;
    private final Words words;
    private final PaymentScreens payment;

    Screens(Texts texts, Words words, PaymentScreens payment) {
        this.texts = texts;
        this.words = words;
        this.payment = payment;
    }

    Reply render(Turn turn) {
        long version = turn.context.nextVersion();
        Keys keys = new Keys(texts, turn, version);
        List<String> parts = new ArrayList<>();
        turn.notices.forEach(n -> parts.add(texts.get(turn.language(), n.key(), n.args())));
        if (turn.answer != null) {
            parts.add(turn.answer.text());
        } else if (turn.body != null) {
            parts.add(texts.get(turn.language(), turn.body.key(), turn.body.args()));
        } else if (!turn.hideBody) {
            parts.add(body(turn));
        }
        return new Reply(String.join("\n\n", parts), keyboard(turn, keys));
    }

    /** Help, hints and the like must not depend on billing: without it they fall back to a Menu button. */
    private List<List<Button>> keyboard(Turn turn, Keys keys) {
        boolean stateTextShown = turn.body == null && !turn.hideBody;
        if (turn.noticeSwitch) {
            return noticeSwitch(turn, keys);
        }
        if (turn.answer != null) {
            return turn.answer.buttons(keys.version);
        }
        try {
            return buttons(turn, keys);
        } catch (BillingUnavailableException e) {
            if (stateTextShown) {
                throw e;
            }
            return List.of(List.of(keys.button("btn.menu", OPEN_MENU)));
        }
    }

    private String body(Turn turn) {
        return switch (turn.state) {
            case MENU -> menuText(turn);
            case LINK_ICCID -> text(turn, "link.ask-iccid");
            case LINK_CODE -> text(turn, "link.ask-code", words.maskedIccid(turn.context.linking()),
                    escape(turn.context.maskedEmail()));
            case STATUS -> words.status(turn.esim(turn.context.esim()), turn.language());
            case CHOOSING_PLAN -> payment.plansText(turn);
            case CONFIRMING_ORDER -> payment.summaryText(turn);
            case AWAITING_PAYMENT -> payment.paymentText(turn);
            case CONFIRMED -> text(turn, "confirmed.body", words.label(turn.esim(turn.context.esim())));
            case PAYMENT_FAILED -> payment.failedText(turn) + payment.suggestPerson(turn);
            case RENEWAL_PENDING -> payment.failedText(turn);
            case SUPPORT_TICKET -> text(turn, "support.opened", escape(turn.context.ticket()));
            case RATING -> text(turn, "support.rate", escape(turn.context.ticket()));
        };
    }

    private List<List<Button>> buttons(Turn turn, Keys keys) {
        return switch (turn.state) {
            case MENU -> menuButtons(turn, keys);
            case LINK_ICCID -> List.of(List.of(keys.button("btn.cancel", CANCEL)));
            case LINK_CODE -> List.of(List.of(keys.button("btn.other-iccid", LINK), keys.button("btn.cancel", CANCEL)));
            case STATUS -> statusButtons(turn, keys);
            case CHOOSING_PLAN -> payment.planButtons(turn, keys);
            case CONFIRMING_ORDER -> List.of(
                    List.of(keys.button("btn.confirm", CONFIRM)),
                    List.of(keys.button("btn.change-plan", CHANGE_PLAN), keys.button("btn.cancel", CANCEL)));
            case AWAITING_PAYMENT -> payment.paymentButtons(turn, keys);
            case CONFIRMED -> List.of(List.of(keys.button("btn.esim-status", SHOW_ESIM, turn.context.esim()),
                    keys.button("btn.menu", OPEN_MENU)));
            case PAYMENT_FAILED -> payment.failedButtons(turn, keys);
            case RENEWAL_PENDING -> List.of(List.of(keys.button("btn.support", SUPPORT), keys.button("btn.menu", OPEN_MENU)));
            case SUPPORT_TICKET -> List.of();
            case RATING -> List.of(List.of(keys.button("btn.rate-1", RATE, "1"), keys.button("btn.rate-2", RATE, "2"),
                    keys.button("btn.rate-3", RATE, "3"), keys.button("btn.rate-4", RATE, "4"),
                    keys.button("btn.rate-5", RATE, "5")), List.of(keys.button("btn.skip", RATE, "0")));
        };
    }

    /** /notifications: one button that flips the switch, and the menu. */
    private List<List<Button>> noticeSwitch(Turn turn, Keys keys) {
        boolean on = turn.body != null && "notifications.on".equals(turn.body.key());
        return List.of(List.of(on ? keys.button("btn.notifications-off", NOTIFICATIONS, "off")
                : keys.button("btn.notifications-on", NOTIFICATIONS, "on")), List.of(keys.button("btn.menu", OPEN_MENU)));
    }

    private String menuText(Turn turn) {
        List<Esim> esims = turn.esims();
        if (esims.isEmpty()) {
            return text(turn, "menu.empty");
        }
        StringBuilder text = new StringBuilder(text(turn, "menu.title"));
        esims.forEach(e -> text.append('\n').append(words.menuLine(e, turn.language())));
        return text.toString();
    }

    private List<List<Button>> menuButtons(Turn turn, Keys keys) {
        List<List<Button>> rows = new ArrayList<>();
        for (Esim esim : turn.esims()) {
            rows.add(List.of(Button.callback(words.buttonLabel(esim, turn.language()),
                    CallbackData.of(SHOW_ESIM, esim.iccid(), keys.version).encode())));
        }
        rows.add(List.of(keys.button("btn.link", LINK), keys.button("btn.orders", ORDERS)));
        rows.add(List.of(keys.button("btn.help", HELP), keys.button("btn.support", SUPPORT), keys.button("btn.language", LANGUAGE)));
        return rows;
    }

    private List<List<Button>> statusButtons(Turn turn, Keys keys) {
        Esim esim = turn.esim(turn.context.esim());
        String autoRenew = esim.autoRenew() ? "btn.auto-renew-off" : "btn.auto-renew-on";
        return List.of(
                List.of(keys.button("btn.renew", SHOW_PLANS)),
                List.of(keys.button(autoRenew, AUTO_RENEW, esim.autoRenew() ? "0" : "1")),
                List.of(keys.button("btn.menu", OPEN_MENU)));
    }

    /** The receipt of a fulfilled order, with a way to the renewed eSIM and to the menu. */
    Reply receipt(Turn turn, Order order, Esim esim) {
        Keys keys = new Keys(texts, turn, turn.context.nextVersion());
        return new Reply(words.receipt(order, esim, turn.language()), List.of(List.of(
                keys.button("btn.esim-status", SHOW_ESIM, esim.iccid()), keys.button("btn.menu", OPEN_MENU))));
    }

    /**
     * A short message about a failure, with the menu and, when {@code again} is given, a button that repeats the
     * same event with the same argument.
     */
    Reply failure(Turn turn, String textKey, JourneyEvent again, String argument) {
        Keys keys = new Keys(texts, turn, turn.context.nextVersion());
        Button menu = keys.button("btn.menu", OPEN_MENU);
        List<Button> row = again == null ? List.of(menu) : List.of(keys.button("btn.try-again", again, argument), menu);
        return new Reply(text(turn, textKey), List.of(row));
    }

    /**
     * An order that ended unpaid, or whose paid renewal stalled, after the user left its payment screen: said once,
     * without changing the step. A stalled renewal also offers a person, since staff now have to finish it.
     */
    Reply orderEnded(Turn turn, Order order) {
        Keys keys = new Keys(texts, turn, turn.context.nextVersion());
        Button menu = keys.button("btn.menu", OPEN_MENU);
        boolean paid = order.status() == OrderStatus.FAILED || order.status() == OrderStatus.PAID;
        String text = payment.failedText(turn, order) + (paid ? "" : payment.suggestPerson(turn));
        boolean person = paid || payment.suggestsPerson(turn);
        return new Reply(text, List.of(person ? List.of(keys.button("btn.support", SUPPORT), menu) : List.of(menu)));
    }

    private String text(Turn turn, String key, Object... args) {
        return texts.get(turn.language(), key, args);
    }

    static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
