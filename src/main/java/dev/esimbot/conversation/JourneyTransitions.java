package dev.esimbot.conversation;

import static dev.esimbot.conversation.JourneyEvent.*;
import static dev.esimbot.conversation.JourneyState.*;

import java.util.regex.Pattern;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;

/** The journey's transition table. Anything not listed here is refused and answered with a hint. */
final class JourneyTransitions {

    private static final Pattern ICCID_LIKE = Pattern.compile("\\s*89[\\d\\s-]{16,24}\\s*");

    private JourneyTransitions() {
    }

    static void configure(StateMachineTransitionConfigurer<JourneyState, JourneyEvent> t) throws Exception {
        for (JourneyState state : JourneyState.values()) {
            everywhere(t, state);
            noticeRenew(t, state);
        }
        t.withExternal().source(MENU).target(LINK_CODE).event(TEXT).guard(iccidLike())
                .and().withExternal().source(LINK_ICCID).target(LINK_CODE).event(TEXT)
                .and().withExternal().source(LINK_CODE).target(MENU).event(TEXT)
                .and().withExternal().source(LINK_CODE).target(LINK_ICCID).event(LINK)
                .and().withInternal().source(STATUS).event(AUTO_RENEW)
                .and().withExternal().source(STATUS).target(CHOOSING_PLAN).event(SHOW_PLANS)
                .and().withExternal().source(CONFIRMED).target(CHOOSING_PLAN).event(SHOW_PLANS)
                .and().withExternal().source(CHOOSING_PLAN).target(CONFIRMING_ORDER).event(PLAN_CHOSEN)
                .and().withExternal().source(CONFIRMING_ORDER).target(AWAITING_PAYMENT).event(CONFIRM)
                .and().withExternal().source(CONFIRMING_ORDER).target(CHOOSING_PLAN).event(CHANGE_PLAN)
                .and().withInternal().source(AWAITING_PAYMENT).event(PAY_IN_TELEGRAM)
                .and().withExternal().source(AWAITING_PAYMENT).target(CONFIRMED).event(PAYMENT_SUCCEEDED)
                .and().withExternal().source(AWAITING_PAYMENT).target(PAYMENT_FAILED).event(PAYMENT_UNSUCCESSFUL)
                .and().withExternal().source(AWAITING_PAYMENT).target(RENEWAL_PENDING).event(FULFILMENT_STALLED)
                .and().withExternal().source(RENEWAL_PENDING).target(CONFIRMED).event(PAYMENT_SUCCEEDED)
                .and().withExternal().source(PAYMENT_FAILED).target(AWAITING_PAYMENT).event(RETRY)
                .and().withExternal().source(PAYMENT_FAILED).target(CHOOSING_PLAN).event(CHANGE_PLAN)
                .and().withExternal().source(SUPPORT_TICKET).target(RATING).event(TICKET_CLOSED)
                .and().withExternal().source(RATING).target(MENU).event(RATE);
    }

    /**
     * Commands that work from every state; answers to free text everywhere but while typed data is awaited or a ticket
     * is open; eSIM selection from every state but the linking and payment steps.
     */
    private static void everywhere(StateMachineTransitionConfigurer<JourneyState, JourneyEvent> t, JourneyState s)
            throws Exception {
        t.withExternal().source(s).target(MENU).event(START)
                .and().withExternal().source(s).target(MENU).event(CANCEL)
                .and().withExternal().source(s).target(MENU).event(OPEN_MENU)
                .and().withInternal().source(s).event(HELP)
                .and().withInternal().source(s).event(ORDERS)
                .and().withInternal().source(s).event(LANGUAGE)
                .and().withInternal().source(s).event(NOTIFICATIONS)
                .and().withInternal().source(s).event(NOTICE_STOP);
        if (s == SUPPORT_TICKET) {
            t.withInternal().source(s).event(SUPPORT);
        } else {
            t.withExternal().source(s).target(SUPPORT_TICKET).event(SUPPORT);
        }
        if (s != LINK_ICCID && s != LINK_CODE && s != SUPPORT_TICKET) {
            t.withInternal().source(s).event(ANSWER);
        }
        if (s != LINK_ICCID && s != LINK_CODE && s != AWAITING_PAYMENT) {
            t.withExternal().source(s).target(STATUS).event(SHOW_ESIM)
                    .and().withExternal().source(s).target(STATUS).event(NOTICE_AUTO_RENEW)
                    .and().withExternal().source(s).target(LINK_ICCID).event(LINK);
        }
    }

    /** A notice's Renew now, not while a payment is open or a paid renewal is being completed (no second payment). */
    private static void noticeRenew(StateMachineTransitionConfigurer<JourneyState, JourneyEvent> t, JourneyState s)
            throws Exception {
        if (s != LINK_ICCID && s != LINK_CODE && s != AWAITING_PAYMENT && s != RENEWAL_PENDING) {
            t.withExternal().source(s).target(CHOOSING_PLAN).event(NOTICE_RENEW);
        }
    }

    static boolean iccidLike(String text) {
        return text != null && ICCID_LIKE.matcher(text).matches();
    }

    /** Free text in the menu is taken as an ICCID only when it looks like one; the step checks it properly. */
    private static Guard<JourneyState, JourneyEvent> iccidLike() {
        return context -> {
            Object text = context.getMessageHeader(JourneyMachine.TEXT_HEADER);
            return text instanceof String s && iccidLike(s);
        };
    }
}
