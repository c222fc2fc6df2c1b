package dev.esimbot.announce;

import dev.esimbot.notices.NoticeQueue;
import dev.esimbot.notices.NoticeState;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Every few seconds, on every instance, for each announcement still under way: resumes a fan-out an instance left
 * unfinished, shows the progress in the staff group, recounts one whose outcomes stopped coming (an outcome lost to
 * a crash between a send and its count), and retires it when done.
 */
@Component
class AnnouncementRoutine {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementRoutine.class);

    private final Announcements store;
    private final Announcer announcer;
    private final StaffAnnouncer staff;
    private final NoticeQueue queue;
    private final AnnounceProperties settings;

    AnnouncementRoutine(Announcements store, Announcer announcer, StaffAnnouncer staff, NoticeQueue queue,
                        AnnounceProperties settings) {
        this.store = store;
        this.announcer = announcer;
        this.staff = staff;
        this.queue = queue;
        this.settings = settings;
    }

    @Scheduled(initialDelay = 1_000, fixedDelayString = "${announce.progress-every:3s}")
    void pass() {
        Set<String> active;
        try {
            active = store.active();
        } catch (RuntimeException e) {
            log.warn("announcements not checked this time: {}", e.toString());
            return;
        }
        for (String id : active) {
            try {
                check(Long.parseLong(id));
            } catch (RuntimeException e) {
                log.warn("announcement={} check failed: {}", id, e.toString());
            }
        }
    }

    private void check(long id) {
        Optional<Announcement> announcement = store.find(id);
        Optional<Progress> progress = store.progress(id);
        if (announcement.isEmpty() || progress.isEmpty()) {
            store.finished(id); // expired (keepFor) or removed by hand: nothing left to follow
            return;
        }
        if ("fanning-out".equals(progress.get().state())) {
            announcer.resume(announcement.get());
        } else if (!progress.get().done() && store.quietFor(id) >= settings.stallAfter().toMillis()) {
            recount(announcement.get());
        }
        Progress now = store.progress(id).orElse(progress.get());
        staff.showProgress(announcement.get(), now);
        if (now.done()) {
            store.finished(id);
            log.info("announcement={} done: {} sent, {} blocked, {} failed", id, now.sent(), now.blocked(), now.failed());
        }
    }

    /** Counts recipients whose notice ended without its outcome reaching us; a forgotten notice counts as failed. */
    private void recount(Announcement announcement) {
        long id = announcement.id();
        store.touch(id);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<Map.Entry<String, String>> page = store.recipients(id, cursor);
            for (Map.Entry<String, String> recipient : page.getResult()) {
                if ("QUEUED".equals(recipient.getValue())) {
                    long chatId = Long.parseLong(recipient.getKey());
                    Optional<NoticeState> state = queue.state(announcement.noticeId(chatId));
                    if (state.isEmpty() || state.get() != NoticeState.QUEUED) {
                        store.ended(id, chatId, state.orElse(NoticeState.FAILED));
                    }
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
}
