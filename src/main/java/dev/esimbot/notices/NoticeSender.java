package dev.esimbot.notices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends queued notices with a few worker threads, each a consumer of its own in the queue's consumer group, so all
 * instances share the queue and the limits. Started with the application (unless {@code NOTICES_ENABLED=false});
 * stopping lets each worker finish the send in progress, and leaves the rest of its batch pending for whichever
 * sender comes next ({@code NOTICES_CLAIM_IDLE} later).
 *
 * <p>Sent once: an entry is acknowledged in the same step that stores the notice's end, and a taken-over entry is
 * checked against that state before it is sent. What remains is a crash between Telegram accepting a message and that
 * step: the one message is then sent again by whoever takes the entry over. Nothing is skipped: an entry leaves the
 * queue only once it ended.
 */
final class NoticeSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    /** Longer than one send can take (Telegram's send timeout), so a stop does not cut a send short. */
    private static final long STOP_WAIT_MS = 15_000;

    /** What the workers work with. */
    record Parts(NoticeStream stream, RateGate gate, BlockedUsers blocked, Suppressions suppressions,
                 NoticeTransport transport, NoticeOutcomes outcomes) {
    }

    private final Parts parts;
    private final NoticesProperties settings;
    private final Clock clock;
    private final String instance;
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> consumers = new ArrayList<>();
    private StopSignal signal = new StopSignal();

    /** @param instance names this instance's consumers, unique among all instances sharing the queue */
    NoticeSender(Parts parts, NoticesProperties settings, Clock clock, String instance) {
        this.parts = parts;
        this.settings = settings;
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        signal = new StopSignal();
        for (int i = 0; i < settings.workers(); i++) {
            String consumer = instance + "-" + i;
            Thread thread = new Thread(new NoticeWorker(consumer, parts, settings, clock, signal), "notice-sender-" + i);
            thread.setDaemon(true);
            consumers.add(consumer);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        log.info("notice sender {} started with {} workers", instance, threads.size());
    }

    @Override
    public synchronized void stop() {
        signal.stop();
        for (Thread thread : threads) {
            try {
                thread.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        forgetConsumers();
        threads.clear();
        consumers.clear();
        log.info("notice sender {} stopped", instance);
    }

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    private void forgetConsumers() {
        try {
            consumers.forEach(parts.stream()::forget);
        } catch (RuntimeException e) {
            log.debug("notice sender {} could not remove its consumers: {}", instance, e.toString());
        }
    }
}
