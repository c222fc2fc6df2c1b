package dev.esimbot.conversation;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Order;
import dev.esimbot.i18n.Language;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The work behind each accepted event. A step moves the turn to the target state when its work succeeds and leaves
 * it where it was (with a notice) when it does not.
 */
@Component
class Steps {

    private final LinkingSteps linking;
    private final OrderSteps ordering;
    private final InvoiceSteps invoices;
    private final SupportSteps support;
    private final NoticeSteps notices;
    private final Answers answers;
    private final Words words;
    private final JourneyMetrics metrics;
    private final ApplicationEventPublisher events;

    Steps(LinkingSteps linking, OrderSteps ordering, InvoiceSteps invoices, SupportSteps support, NoticeSteps notices,
          Answers answers, Words words, JourneyMetrics metrics, ApplicationEventPublisher events) {
        this.answers = answers;
        this.metrics = metrics;
        this.notices = notices;
        this.events = events;
        this.linking = linking;
        this.ordering = ordering;
        this.invoices = invoices;
        this.support = support;
        this.words = words;
    }

    void run(JourneyEvent event, Turn turn, JourneyState target, String argument) {
        switch (event) {
            case START -> linking.start(turn, target, argument);
            case CANCEL -> cancel(turn, target);
            case OPEN_MENU, LINK, SHOW_PLANS, CHANGE_PLAN -> turn.state = target;
            case HELP -> turn.body("help.body");
            case ORDERS -> orders(turn);
            case LANGUAGE -> turn.context.language(languageFor(turn, argument));
            case SUPPORT -> support.open(turn, target);
            case RATE -> support.rate(turn, target, argument);
            case TEXT -> linking.text(turn, target, argument);
            case SHOW_ESIM -> showEsim(turn, target, argument);
            case AUTO_RENEW -> autoRenew(turn, argument);
            case PLAN_CHOSEN -> ordering.choosePlan(turn, target, argument);
            case CONFIRM, RETRY -> ordering.place(turn, target, event == JourneyEvent.RETRY);
            case PAY_IN_TELEGRAM -> invoices.send(turn);
            case NOTIFICATIONS -> notices.notifications(turn, argument);
            case NOTICE_STOP -> notices.stop(turn);
            case NOTICE_RENEW -> notices.renew(turn, target, argument);
            case NOTICE_AUTO_RENEW -> notices.autoRenew(turn, target, argument);
            case ANSWER -> answers.show(turn, argument);
            default -> throw new IllegalArgumentException("no step for " + event);
        }
    }

    /** The language free text named ({@code EN}, {@code ZH}); the other one for the button and /language. */
    private static Language languageFor(Turn turn, String argument) {
        return Arrays.stream(Language.values()).filter(l -> l.name().equals(argument)).findFirst()
                .orElse(turn.language().other());
    }

    private void cancel(Turn turn, JourneyState target) {
        if (turn.startState == JourneyState.SUPPORT_TICKET) {
            support.closeByUser(turn);
        } else if (turn.startState != JourneyState.MENU) {
            turn.notice(turn.startState == JourneyState.AWAITING_PAYMENT ? "cancel.payment-open" : "cancel.done");
        }
        turn.context.leaveFlow();
        turn.state = target;
    }

    private void showEsim(Turn turn, JourneyState target, String iccid) {
        String wanted = iccid == null || iccid.isEmpty() ? turn.context.esim() : iccid;
        try {
            Esim esim = turn.esim(wanted);
            turn.context.esim(esim.iccid());
            turn.state = target;
            metrics.statusViewed();
        } catch (BillingRejectedException notTheirs) {
            turn.notice("esim.unknown");
        }
    }

    private void autoRenew(Turn turn, String argument) {
        boolean enable = "1".equals(argument);
        Esim esim = turn.billing().setAutoRenew(turn.customerId(), turn.context.esim(), enable);
        turn.committed = true;
        turn.remember(esim);
        if (enable) {
            events.publishEvent(new EsimCovered(turn.chatId, esim.iccid()));
        }
        turn.notice(enable ? "auto-renew.turned-on" : "auto-renew.turned-off");
    }

    private void orders(Turn turn) {
        List<Order> orders = turn.billing().orders(turn.customerId(), 5);
        if (orders.isEmpty()) {
            turn.body("orders.none");
            return;
        }
        String lines = orders.stream().map(o -> words.orderLine(o, turn.language())).collect(Collectors.joining("\n"));
        turn.body("orders.list", lines);
    }
}
