package dev.esimbot.conversation;

/** Conversation states. The names are stored in Redis: never rename one, only add. */
enum JourneyState {
    MENU,
    LINK_ICCID,
    LINK_CODE,
    STATUS,
    CHOOSING_PLAN,
    CONFIRMING_ORDER,
    AWAITING_PAYMENT,
    CONFIRMED,
    PAYMENT_FAILED,
    /** Paid, but billing has not applied the renewal (it failed, or takes too long): staff finish it, never a new payment. */
    RENEWAL_PENDING,
    /** A ticket is open: the user's messages go to staff, the bot does not interpret them (only /cancel). */
    SUPPORT_TICKET,
    /** Staff closed the ticket; the user may rate it 1-5. */
    RATING;

    static JourneyState parse(String stored) {
        if (stored == null) {
            return MENU;
        }
        try {
            return valueOf(stored);
        } catch (IllegalArgumentException unknown) {
            return MENU;
        }
    }
}
