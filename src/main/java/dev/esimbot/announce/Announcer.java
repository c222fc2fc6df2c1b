package dev.esimbot.announce;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.i18n.Language;
import dev.esimbot.notices.NoticeQueue;
import dev.esimbot.notices.NoticeSettled;
import dev.esimbot.session.StaleConnections;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts announcements (from the admin API and from {@code /announce} alike) and counts their outcomes. The fan-out
 * runs on a thread of its own, so the request that started it answers at once; one that an instance left unfinished
 * is resumed by {@link AnnouncementRoutine}.
 */
@Component
class Announcer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);
    private static final Pattern NOTICE_ID = Pattern.compile("ann-(\\d+)-(\\d+)");
    /** Longer than a promotion takes; a count still lost is made up by the routine's check of a stalled announcement. */
    private static final Duration COUNT_BUDGET = Duration.ofSeconds(10);

    private final Announcements store;
    private final FanOut fanOut;
    private final ExecutorService fanOuts = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "announcement-fan-out");
        thread.setDaemon(true);
        return thread;
    });
    /** Fan-outs queued or running on this instance, so a routine pass does not queue one twice. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    Announcer(Announcements store, Audience audience, NoticeQueue queue, BillingClient billing,
              AnnounceProperties settings) {
        this.store = store;
        this.fanOut = new FanOut(store, audience, queue, billing, settings, "fan-out-" + UUID.randomUUID());
    }

    Announcement start(Map<Language, String> texts, String audience, Integer staffMessage) {
        Announcement announcement = store.create(texts, audience, staffMessage);
        log.info("announcement={} started for audience {}", announcement.id(), announcement.audience());
        resume(announcement);
        return announcement;
    }

    /** Runs the fan-out here unless it already runs here; another instance holding it makes this a no-op. */
    void resume(Announcement announcement) {
        if (!running.add(announcement.id())) {
            return;
        }
        fanOuts.execute(() -> {
            try {
                fanOut.run(announcement);
            } catch (RuntimeException e) {
                log.warn("announcement={} fan-out stopped ({}); it resumes on a later pass", announcement.id(), e.toString());
            } finally {
                running.remove(announcement.id());
            }
        });
    }

    /** Counts the end of an announcement's notice, once per recipient; other notices are not ours. */
    @EventListener
    void on(NoticeSettled settled) {
        Matcher id = NOTICE_ID.matcher(settled.noticeId());
        if (!id.matches()) {
            return;
        }
        try {
            // Counted once however often it is sent (only over QUEUED), so it is tried on through a Redis failover
            StaleConnections.throughFailover(COUNT_BUDGET, () -> {
                store.ended(Long.parseLong(id.group(1)), Long.parseLong(id.group(2)), settled.state());
                return null;
            });
        } catch (RuntimeException e) {
            // Not the sender's problem: the routine's check of a stalled announcement counts it from the notice state.
            log.warn("announcement={} outcome of chat={} not counted now: {}", id.group(1), id.group(2), e.toString());
        }
    }

    @Override
    public void destroy() {
        fanOuts.shutdownNow();
    }
}
