package dev.esimbot.local;

import dev.esimbot.notices.ExpiryScan;
import dev.esimbot.notices.ScanReport;
import dev.esimbot.telegram.TelegramMode;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local chat page's admin action "Reminders": runs the expiry scan now instead of at its next scheduled time, so
 * a newcomer sees a notice (the seeded demo eSIMs end within 3 days and are low on data). Local mode only.
 */
@RestController
@Conditional(TelegramMode.Local.class)
class LocalNoticesController {

    private final ExpiryScan scan;

    LocalNoticesController(ExpiryScan scan) {
        this.scan = scan;
    }

    @PostMapping("/local/api/notices/scan")
    ScanReport scan() {
        return scan.run();
    }
}
