package dev.esimbot.notices;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Counts what the senders do as {@code bot.notices.sent{outcome=...}} (sent, blocked, failed: a notice's end;
 * retry_after, transient: an attempt to repeat; repeat: an entry of a notice that had already ended), so the achieved
 * rate can be read off the metrics, and tells the rest of the app when a notice has ended.
 */
final class NoticeOutcomes {

    static final String METER = "bot.notices.sent";

    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    NoticeOutcomes(MeterRegistry meters, ApplicationEventPublisher events) {
        this.meters = meters;
        this.events = events;
    }

    void settled(QueuedNotice queued, NoticeState state) {
        count(state.name().toLowerCase(Locale.ROOT));
        events.publishEvent(new NoticeSettled(queued.id(), queued.chatId(), state));
    }

    void count(String outcome) {
        meters.counter(METER, "outcome", outcome).increment();
    }
}
