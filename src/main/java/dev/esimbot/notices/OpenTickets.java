package dev.esimbot.notices;

/** Whether a user is talking to a person right now; implemented by the support feature. */
public interface OpenTickets {

    boolean hasOpenTicket(long chatId);
}
