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
    RATE
}
