package dev.esimbot.notices;

import dev.esimbot.notices.NoticeStream.Claimed;
import dev.esimbot.session.StaleConnections;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One consumer of the notice queue: takes a batch (entries left by dead consumers first, then new ones) and sends
 * each at the pace the {@link RateGate} allows. An entry leaves the queue only once it ended: sent, blocked, or failed
 * for good. A 429 pauses every sender and the same notice is tried again; a passing failure sends it to the back of
 * the queue after a backoff, until it has used up its tries.
 */
final class NoticeWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);
    private static final long MAX_BACKOFF_MS = 60_000;
    private static final long REDIS_TROUBLE_PAUSE_MS = 1_000;
    private static final StreamEntryID SCAN_START = new StreamEntryID();

    private final String consumer;
    private final NoticeSender.Parts parts;
    private final NoticesProperties settings;
    private final Clock clock;
    private final StopSignal signal;
    private boolean groupReady;
    /** After a Redis failure: the entries this sender had read and not settled are taken up again first. */
    private boolean resumeOwn;
    private long nextClaimAt;
    private StreamEntryID claimCursor = SCAN_START;

    NoticeWorker(String consumer, NoticeSender.Parts parts, NoticesProperties settings, Clock clock, StopSignal signal) {
        this.consumer = consumer;
        this.parts = parts;
        this.settings = settings;
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public void run() {
        while (signal.running()) {
            try {
                List<QueuedNotice> batch = nextBatch();
                if (batch.isEmpty()) {
                    signal.sleep(settings.idlePoll().toMillis());
                }
                for (int i = 0; i < batch.size() && signal.running(); i++) {
                    deliver(batch.get(i));
                }
            } catch (JedisDataException e) {
                groupReady = !String.valueOf(e.getMessage()).startsWith("NOGROUP");
                log.warn("notice sender {}: {}", consumer, e.getMessage());
                resumeOwn = true;
                signal.sleep(REDIS_TROUBLE_PAUSE_MS);
            } catch (RuntimeException e) {
                log.warn("notice sender {}: {}", consumer, e.toString());
                resumeOwn = true;
                signal.sleep(REDIS_TROUBLE_PAUSE_MS);
            }
        }
    }

    private List<QueuedNotice> nextBatch() {
        if (!groupReady) {
            parts.stream().ensureGroup();
            groupReady = true;
        }
        if (resumeOwn) {
            resumeOwn = false; // a sender holds at most one batch, so one page has them all
            List<QueuedNotice> own = parts.stream().readOwnPending(consumer, settings.batch());
            if (!own.isEmpty()) {
                log.info("notice sender {} takes up again {} notices it held when Redis failed", consumer, own.size());
                return own;
            }
        }
        long now = clock.millis();
        if (now >= nextClaimAt) {
            Claimed claimed = parts.stream().claimStale(consumer, settings.claimIdle(), claimCursor, settings.batch());
            claimCursor = claimed.next();
            nextClaimAt = SCAN_START.equals(claimCursor) ? now + settings.claimIdle().toMillis() / 2 : now;
            if (!claimed.notices().isEmpty()) {
                log.info("notice sender {} took over {} notices idle for {}", consumer, claimed.notices().size(),
                        settings.claimIdle());
                return claimed.notices();
            }
        }
        return parts.stream().readNew(consumer, settings.batch());
    }

    private void deliver(QueuedNotice queued) {
        if (parts.suppressions().skip(queued.notice())) {
            settle(queued, NoticeState.SKIPPED);
            return;
        }
        if (parts.blocked().isBlocked(queued.chatId())) {
            settle(queued, NoticeState.BLOCKED);
            return;
        }
        while (acquire(queued.chatId())) {
            switch (parts.stream().take(consumer, queued)) {
                case ALREADY_SETTLED -> {
                    parts.stream().discard(queued);
                    parts.outcomes().count("repeat");
                    return;
                }
                case TAKEN_OVER -> {
                    return;
                }
                case GO -> {
                    if (ended(queued, send(queued))) {
                        return;
                    }
                }
            }
        }
    }

    /** A transport that throws is treated as a passing failure, so the notice's tries still run out. */
    private Delivery send(QueuedNotice queued) {
        try {
            return parts.transport().send(queued.chatId(), queued.notice().reply());
        } catch (RuntimeException e) {
            return Delivery.failedTransient(e.getClass().getSimpleName());
        }
    }

    /** False when the notice is to be sent again once the pause Telegram asked for is over. */
    private boolean ended(QueuedNotice queued, Delivery delivery) {
        switch (delivery.status()) {
            case SENT -> settle(queued, NoticeState.SENT);
            case BLOCKED -> {
                parts.blocked().markBlocked(queued.chatId());
                settle(queued, NoticeState.BLOCKED);
            }
            case FAILED_PERMANENT -> {
                log.warn("notice={} chat={} refused: {}", queued.id(), queued.chatId(), delivery.detail());
                settle(queued, NoticeState.FAILED);
            }
            case FAILED_TRANSIENT -> retryLater(queued, delivery);
            case RETRY_AFTER -> {
                log.info("notice={} chat={} answered 429: every sender pauses {} s", queued.id(), queued.chatId(),
                        delivery.retryAfterSeconds());
                parts.gate().pause(delivery.retryAfterSeconds());
                parts.outcomes().count("retry_after");
                return false;
            }
        }
        return true;
    }

    private void retryLater(QueuedNotice queued, Delivery delivery) {
        int tries = queued.tries() + 1;
        if (tries >= settings.sendAttempts()) {
            log.warn("notice={} chat={} failed {} times, last: {}; given up", queued.id(), queued.chatId(), tries,
                    delivery.detail());
            settle(queued, NoticeState.FAILED);
            return;
        }
        parts.outcomes().count("transient");
        log.info("notice={} chat={} failed ({}); try {} of {} later", queued.id(), queued.chatId(), delivery.detail(),
                tries + 1, settings.sendAttempts());
        long backoff = Math.min(settings.retryBackoff().toMillis() << Math.min(queued.tries(), 20), MAX_BACKOFF_MS);
        if (signal.sleep(backoff)) {
            parts.stream().retryLater(queued);
        }
    }

    /** Waits for the limits to let a message to the chat go; false when the sender stops meanwhile. */
    private boolean acquire(long chatId) {
        for (long wait = parts.gate().tryAcquire(chatId); wait > 0; wait = parts.gate().tryAcquire(chatId)) {
            if (!signal.sleep(wait)) {
                return false;
            }
        }
        return signal.running();
    }

    /**
     * Stores the end of a notice and acknowledges its entry, tried on through a Redis failover: after a send, a lost
     * acknowledgement would have the message sent again by whoever takes the entry over. Half the claim idle time at
     * most, which is how long nobody else may take the entry (its idle time was reset right before the send).
     */
    private void settle(QueuedNotice queued, NoticeState state) {
        boolean ended = StaleConnections.throughFailover(settings.claimIdle().dividedBy(2),
                () -> parts.stream().settle(queued, state));
        if (ended) {
            parts.outcomes().settled(queued, state);
        } else {
            parts.outcomes().count("repeat");
        }
    }
}
