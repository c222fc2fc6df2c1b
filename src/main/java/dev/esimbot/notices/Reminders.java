package dev.esimbot.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where an expiry notice goes when it is made, and again when a held one is due: skipped when no longer wanted (or,
 * when held, once its eSIM left the notice's window: the next scan makes the notice of the window it is in now),
 * held while the user has an open support ticket (looked at again every {@code NOTICES_TICKET_RECHECK}, so it
 * arrives once the ticket is closed) or during quiet hours (until they end), else queued for sending.
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final int RELEASE_PAGE = 200;

    enum Offered { QUEUED, HELD, SKIPPED, REPEAT }

    private final NoticeQueue queue;
    private final HeldNotices held;
    private final Suppressions suppressions;
    private final OpenTickets tickets;
    private final NoticeScanProperties settings;
    private final QuietHours quiet;
    private final Clock clock;

    Reminders(NoticeQueue queue, HeldNotices held, Suppressions suppressions, OpenTickets tickets,
              NoticeScanProperties settings, Clock clock) {
        this.queue = queue;
        this.held = held;
        this.suppressions = suppressions;
        this.tickets = tickets;
        this.settings = settings;
        this.quiet = settings.quiet();
        this.clock = clock;
    }

    /** Whether a notice with this id was queued or held before (and is still remembered). */
    boolean made(String noticeId) {
        return queue.state(noticeId).isPresent();
    }

    /** Queues or holds the notice once per id; a notice not wanted now is not claimed, so a later scan may offer it. */
    Offered offer(Notice notice, Duration rememberFor) {
        if (suppressions.skip(notice)) {
            return Offered.SKIPPED;
        }
        Optional<Instant> wait = waitUntil(notice.chatId(), clock.instant());
        boolean fresh = wait.isPresent() ? held.hold(notice, rememberFor, wait.get()) : queue.enqueue(notice, rememberFor);
        if (!fresh) {
            return Offered.REPEAT;
        }
        return wait.isPresent() ? Offered.HELD : Offered.QUEUED;
    }

    /** Releases the held notices that are due; returns how many went into the queue. */
    int releaseDue() {
        Instant now = clock.instant();
        int released = 0;
        int seen = 0;
        List<Notice> due;
        do {
            due = held.due(now, RELEASE_PAGE);
            seen += due.size();
            released += release(due, now);
        } while (due.size() == RELEASE_PAGE);
        if (seen > 0) {
            log.info("held notices: {} due, {} released", seen, released);
        }
        return released;
    }

    private int release(List<Notice> due, Instant now) {
        int released = 0;
        for (Notice notice : due) {
            if (suppressions.skip(notice) || NoticeKind.passed(notice.id(), now)) {
                held.end(notice.id(), NoticeState.SKIPPED);
                continue;
            }
            Optional<Instant> wait = waitUntil(notice.chatId(), now);
            if (wait.isPresent()) {
                held.postpone(notice.id(), wait.get());
            } else if (held.release(notice)) {
                released++;
            }
        }
        return released;
    }

    long heldCount() {
        return held.size();
    }

    /** Empty when a notice to the chat may go now. */
    private Optional<Instant> waitUntil(long chatId, Instant now) {
        if (tickets.hasOpenTicket(chatId)) {
            return Optional.of(now.plus(settings.ticketRecheck()));
        }
        return quiet.endOf(now);
    }
}
