package dev.esimbot.support;

import dev.esimbot.i18n.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A user left waiting for an agent's answer longer than {@code SUPPORT_BUMP_AFTER} is brought up in the staff group. */
@Component
class TicketBumps {

    private static final Logger log = LoggerFactory.getLogger(TicketBumps.class);

    private final SupportProperties properties;
    private final Tickets tickets;
    private final TicketDesk desk;
    private final Texts texts;
    private final Clock clock;

    TicketBumps(SupportProperties properties, Tickets tickets, TicketDesk desk, Texts texts, Clock clock) {
        this.properties = properties;
        this.tickets = tickets;
        this.desk = desk;
        this.texts = texts;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${support.bump-check:60s}")
    void bumpWaitingTickets() {
        if (properties.staffChat() == null) {
            return;
        }
        try {
            Duration after = properties.bumpAfter();
            Instant now = clock.instant();
            for (long number : tickets.waitingSince(now.minus(after))) {
                if (tickets.claimBump(number, after)) {
                    tickets.get(number).filter(Ticket::open).ifPresent(ticket -> bump(ticket, now));
                }
            }
        } catch (RuntimeException e) {
            log.warn("ticket bump pass failed: {}", e.toString());
        }
    }

    private void bump(Ticket ticket, Instant now) {
        long minutes = Duration.between(ticket.openedAt(), now).toMinutes();
        desk.post(ticket, texts.get(properties.language(), "staff.bump", ticket.number(), minutes));
        log.info("ticket {} bumped", ticket.number());
    }
}
