package dev.esimbot.conversation;

/**
 * An eSIM was renewed (its receipt went out), its auto-renew turned on, or a renewal of it was paid and is not applied
 * yet: reminders about its end no longer matter. Published after the change; the notices feature listens.
 *
 * @param awaitingRenewal paid, but billing still shows the old end date: until a receipt, no reminder about the eSIM
 *                        may be made at all, since any would invite a second payment
 */
public record EsimCovered(long chatId, String iccid, boolean awaitingRenewal) {

    /** Renewed, or auto-renew on: reminders made before now are moot. */
    public EsimCovered(long chatId, String iccid) {
        this(chatId, iccid, false);
    }

    /** Paid, renewal not applied yet. */
    static EsimCovered awaitingRenewal(long chatId, String iccid) {
        return new EsimCovered(chatId, iccid, true);
    }
}
