package dev.esimbot.notices;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.billing.ExpiringEsim;
import dev.esimbot.billing.ExpiringPage;
import dev.esimbot.billing.BillingClient;
import dev.esimbot.conversation.ChatSeen;
import dev.esimbot.conversation.NoticeReplies;
import dev.esimbot.i18n.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks billing for eSIMs that end soon or ran low on data, a page at a time (never the whole list in memory), and
 * offers each owner one notice per eSIM, end and kind. The notice id names exactly that, so scans that run again, or
 * on two instances at once, make each notice once (see {@link NoticeQueue#enqueue}). An eSIM low on data that
 * also ends within 3 days gets the expiry notice only, which shows the data left too.
 */
@Component
public class ExpiryScan {

    private static final Logger log = LoggerFactory.getLogger(ExpiryScan.class);
    /** A notice id is remembered this long past the eSIM's end, so no later scan makes it again. */
    private static final Duration REMEMBER_PAST_END = Duration.ofDays(2);

    private final BillingClient billing;
    private final Reminders reminders;
    private final ChatSeen recipients;
    private final NoticeReplies replies;
    private final NoticeScanProperties settings;
    private final Clock clock;

    ExpiryScan(BillingClient billing, Reminders reminders, ChatSeen recipients, NoticeReplies replies,
               NoticeScanProperties settings, Clock clock) {
        this.billing = billing;
        this.reminders = reminders;
        this.recipients = recipients;
        this.replies = replies;
        this.settings = settings;
        this.clock = clock;
    }

    /** One whole scan; billing unreachable ends it early (the next one catches up, nothing is made twice). */
    public ScanReport run() {
        Instant now = clock.instant();
        Set<NoticeKind> kinds = settings.enabled();
        Tally tally = new Tally();
        if (kinds.contains(NoticeKind.EXPIRES_3D) || kinds.contains(NoticeKind.EXPIRES_1D)
                || kinds.contains(NoticeKind.EXPIRED_TODAY)) {
            Instant from = now.minus(NoticeKind.DAY);
            Instant to = now.plus(NoticeKind.DAY.multipliedBy(3));
            pages(cursor -> billing.expiring(from, to, cursor, settings.scanPage()), tally, (item, t) ->
                    NoticeKind.forExpiry(item.esim(), now).filter(kinds::contains).ifPresent(k -> offer(item, k, now, t)));
        }
        if (kinds.contains(NoticeKind.LOW_DATA)) {
            pages(cursor -> billing.lowData(settings.lowDataPercent(), cursor, settings.scanPage()), tally, (item, t) -> {
                if (lowOnData(item.esim(), now) && NoticeKind.forExpiry(item.esim(), now).filter(kinds::contains).isEmpty()) {
                    offer(item, NoticeKind.LOW_DATA, now, t);
                }
            });
        }
        ScanReport report = tally.report();
        log.info("expiry scan: {} eSIMs seen, {} notices queued, {} held, {} left out, {} made before",
                report.seen(), report.queued(), report.held(), report.skipped(), report.repeats());
        return report;
    }

    /** Releases the held notices that are due now (the routine does it every {@code NOTICES_RELEASE_EVERY}). */
    public int releaseHeld() {
        return reminders.releaseDue();
    }

    private void pages(Function<String, ExpiringPage> read, Tally tally, BiConsumer<ExpiringEsim, Tally> each) {
        String cursor = null;
        do {
            ExpiringPage page = read.apply(cursor);
            for (ExpiringEsim item : page.items()) {
                tally.seen++;
                each.accept(item, tally);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private boolean lowOnData(Esim esim, Instant now) {
        return esim.status() == EsimStatus.ACTIVE && esim.validUntil().isAfter(now) && esim.dataTotalMb() > 0
                && esim.dataLeftMb() * 100 <= (long) settings.lowDataPercent() * esim.dataTotalMb();
    }

    /** Auto-renewing eSIMs need no reminder; customers who never started the bot cannot get one. */
    private void offer(ExpiringEsim item, NoticeKind kind, Instant now, Tally tally) {
        Esim esim = item.esim();
        String esimKey = EsimKeys.of(esim.iccid());
        String id = "exp-" + esimKey + "-" + esim.validUntil().getEpochSecond() + "-" + kind.code();
        if (reminders.made(id)) {
            tally.repeats++; // the common case of a scan every few minutes: one look, nothing rendered
            return;
        }
        Optional<Language> language = esim.autoRenew() ? Optional.empty() : recipients.languageOf(item.customerId());
        if (language.isEmpty()) {
            tally.skipped++;
            return;
        }
        Notice notice = new Notice(id, item.customerId(), replies.expiry(language.get(), esim, kind.textKey()),
                new Notice.About(esimKey, now.toEpochMilli()));
        Duration rememberFor = Duration.between(now, esim.validUntil().plus(REMEMBER_PAST_END));
        switch (reminders.offer(notice, rememberFor.compareTo(NoticeKind.DAY) < 0 ? NoticeKind.DAY : rememberFor)) {
            case QUEUED -> tally.queued++;
            case HELD -> tally.held++;
            case SKIPPED -> tally.skipped++;
            case REPEAT -> tally.repeats++;
        }
    }

    private static final class Tally {
        long seen;
        long queued;
        long held;
        long skipped;
        long repeats;

        ScanReport report() {
            return new ScanReport(seen, queued, held, skipped, repeats);
        }
    }
}
