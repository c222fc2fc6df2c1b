package dev.esimbot.conversation;

/** What can happen to a conversation: commands, buttons, free text, and billing outcomes. */
enum JourneyEvent {
    START,
    OPEN_MENU,
    CANCEL,
    HELP,
    ORDERS,
    LANGUAGE,
    SUPPORT,
    LINK,
    TEXT,
    SHOW_ESIM,
    AUTO_RENEW,
    SHOW_PLANS,
    PLAN_CHOSEN,
    CONFIRM,
    CHANGE_PLAN,
    RETRY,
    PAYMENT_SUCCEEDED,
    PAYMENT_UNSUCCESSFUL,
    /** Billing took the money but the renewal is not applied: failed, or still not done long after payment. */
    FULFILMENT_STALLED,
    /** The user wants to pay the open order with a native Telegram invoice. */
    PAY_IN_TELEGRAM,
    /** Staff closed the user's ticket (/close in the staff group). */
    TICKET_CLOSED,
    /** The user rated the closed ticket (1-5). */
    RATE,
    /** {@code /notifications [on|off]}, or its buttons: shows or flips the expiry notices switch. */
    NOTIFICATIONS,
    /** "Renew now" on an expiry notice: choose a plan for that eSIM. */
    NOTICE_RENEW,
    /** "Turn auto-renew on" on an expiry notice. */
    NOTICE_AUTO_RENEW,
    /** "Stop these notices" on an expiry notice. */
    NOTICE_STOP,
    /** Free text understood as a question (argument: the article, or empty when not sure), or a tapped suggestion. */
    ANSWER;

    /** Buttons of an expiry notice: not bound to a screen version, and answered with a new message. */
    boolean fromNotice() {
        return this == NOTICE_RENEW || this == NOTICE_AUTO_RENEW || this == NOTICE_STOP;
    }
}
