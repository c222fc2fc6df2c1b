package dev.esimbot.conversation;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Esim;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code /notifications} and the buttons of an expiry notice. A notice's eSIM is checked with billing before anything
 * is done for it, so a forged button naming someone else's eSIM gets "not found" and changes nothing.
 */
@Component
class NoticeSteps {

    private final NoticeSwitch notices;
    private final ApplicationEventPublisher events;

    NoticeSteps(NoticeSwitch notices, ApplicationEventPublisher events) {
        this.notices = notices;
        this.events = events;
    }

    /** Without an argument shows the switch; {@code on} or {@code off} flips it first. */
    void notifications(Turn turn, String argument) {
        String wanted = argument == null ? "" : argument.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("on") || wanted.equals("off")) {
            notices.enable(turn.chatId, wanted.equals("on"));
        } else if (!wanted.isEmpty()) {
            turn.notice("notifications.usage");
        }
        showSwitch(turn, notices.enabled(turn.chatId) ? "notifications.on" : "notifications.off");
    }

    void stop(Turn turn) {
        notices.enable(turn.chatId, false);
        showSwitch(turn, "notifications.stopped");
    }

    /** Renew now: the plans of that eSIM, as if chosen in the menu. */
    void renew(Turn turn, JourneyState target, String iccid) {
        if (owned(turn, iccid) != null) {
            turn.context.leaveFlow();
            turn.context.esim(iccid);
            turn.state = target;
        }
    }

    /** Turn auto-renew on: done in billing, then the eSIM's status; its pending reminders are dropped. */
    void autoRenew(Turn turn, JourneyState target, String iccid) {
        Esim esim = owned(turn, iccid);
        if (esim == null) {
            return;
        }
        if (!esim.autoRenew()) {
            esim = turn.billing().setAutoRenew(turn.customerId(), iccid, true);
            turn.committed = true;
            turn.remember(esim);
        }
        events.publishEvent(new EsimCovered(turn.chatId, iccid));
        turn.notice("auto-renew.turned-on");
        turn.context.leaveFlow();
        turn.context.esim(iccid);
        turn.state = target;
    }

    private Esim owned(Turn turn, String iccid) {
        try {
            if (iccid != null && !iccid.isEmpty()) {
                return turn.esim(iccid);
            }
        } catch (BillingRejectedException notTheirs) {
            // told below
        }
        turn.notice("esim.unknown");
        turn.hideBody = true;
        return null;
    }

    private static void showSwitch(Turn turn, String key) {
        turn.body(key);
        turn.noticeSwitch = true;
    }
}
