package dev.esimbot.conversation;

import dev.esimbot.i18n.Language;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a user reaches a person: tickets in the staff group. The support feature implements it; the conversation
 * only opens, relays to and closes tickets through it.
 */
public interface SupportDesk {

    /** A staff group is configured. */
    boolean available();

    /** Empty while agents are working; otherwise when they start again (in the staff's time zone). */
    Optional<ZonedDateTime> nextOpening();

    /** The language staff read the context card in. */
    Language staffLanguage();

    /** Opens a ticket with its context card as the first post; returns its number, or empty when the group is unreachable. */
    OptionalLong open(TicketRequest request);

    /** Copies one of the user's messages into the ticket; false when it could not be passed on. */
    boolean relay(long chatId, int messageId);

    /** The user ended the ticket (/cancel); staff are told in the ticket. */
    void closeByUser(long chatId);

    /** The user's 1-5 rating of the ticket that just closed, posted back into it. */
    void rate(long chatId, int stars);

    /** Who opened a ticket, in which language, and the context card staff see first (HTML, in the staff language). */
    record TicketRequest(long chatId, String firstName, Language language, String card) {
    }
}
