package dev.esimbot.notices;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled side of expiry notices, on every instance: the scan at {@code NOTICES_SCAN_CRON} (run by the
 * instance that takes the tick's {@link ScanLease}; should two scan anyway, each notice is still made once), and every
 * {@code NOTICES_RELEASE_EVERY} the release of held notices that are due.
 */
@Component
class ExpiryScanRoutine {

    private static final Logger log = LoggerFactory.getLogger(ExpiryScanRoutine.class);

    private final ExpiryScan scan;
    private final Reminders reminders;
    private final ScanLease lease;
    private final String instance = UUID.randomUUID().toString();

    ExpiryScanRoutine(ExpiryScan scan, Reminders reminders, ScanLease lease) {
        this.scan = scan;
        this.reminders = reminders;
        this.lease = lease;
    }

    @Scheduled(cron = "${notices.scan-cron:0 */15 * * * *}")
    void scan() {
        try {
            if (!lease.take(instance)) {
                log.debug("expiry scan: another instance runs this one");
                return;
            }
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
