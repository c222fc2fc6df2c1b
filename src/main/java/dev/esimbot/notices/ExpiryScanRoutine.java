package dev.esimbot.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled side of expiry notices, on every instance: the scan at {@code NOTICES_SCAN_CRON} (instances may
 * scan at the same moment; each notice is still made once), and every {@code NOTICES_RELEASE_EVERY} the release of
 * held notices that are due.
 */
@Component
class ExpiryScanRoutine {

    private static final Logger log = LoggerFactory.getLogger(ExpiryScanRoutine.class);

    private final ExpiryScan scan;
    private final Reminders reminders;

    ExpiryScanRoutine(ExpiryScan scan, Reminders reminders) {
        this.scan = scan;
        this.reminders = reminders;
    }

    @Scheduled(cron = "${notices.scan-cron:0 */15 * * * *}")
    void scan() {
        try {
            scan.run();
        } catch (RuntimeException e) {
            log.warn("expiry scan stopped early: {}", e.toString());
        }
    }

    @Scheduled(initialDelayString = "${notices.release-every:60s}", fixedDelayString = "${notices.release-every:60s}")
    void releaseDue() {
        try {
            reminders.releaseDue();
        } catch (RuntimeException e) {
            log.warn("held notices not released this time: {}", e.toString());
        }
    }
}
