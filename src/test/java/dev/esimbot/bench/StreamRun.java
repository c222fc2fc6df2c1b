package dev.esimbot.bench;

import dev.esimbot.bench.Latencies.Summary;
import dev.esimbot.telegram.UpdateQueue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Pushes a mix through the durable update queue as long polling or the webhook do in production: batches stored with
 * {@link UpdateQueue#store} (one pipelined XADD round trip each), handled by the partition workers of one or more
 * instances on the same Redis, each update deleted once handled. The producer keeps at most {@code inFlight} updates
 * stored and not yet handled (less than the chats, so a chat's next update is built from the screen its last one
 * left). The clock runs from the first store until the last update is handled.
 */
final class StreamRun {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    /** @param instances how many app instances handled the queue; @param handling per update, lock to unlock */
    record Result(String title, int instances, int updates, long wallNanos, Summary handling, CpuMeter.Usage cpu) {
        double updatesPerSecond() {
            return updates / (wallNanos / 1e9);
        }
    }

    private final MixRun mix;
    private final List<Bench> instances;
    private final int inFlight;

    StreamRun(MixRun mix, List<Bench> instances, int inFlight) {
        this.mix = mix;
        this.instances = instances;
        this.inFlight = inFlight;
    }

    void warmUp(int updates) {
        run(updates, new AtomicLong(), (start, end) -> { });
    }

    Result measure(String title, int updates, CpuMeter cpu) {
        Latencies handling = new Latencies(updates);
        cpu.start();
        long started = System.nanoTime();
        run(updates, new AtomicLong(), (start, end) -> handling.add(end - start));
        long wall = System.nanoTime() - started;
        CpuMeter.Usage usage = cpu.stop();
        instances.forEach(bench -> bench.probes().recordTo(Probes.Recorder.NONE));
        if (handling.count() != updates) {
            throw new IllegalStateException(title + ": stored " + updates + " updates but " + handling.count() + " were handled");
        }
        return new Result(title, instances.size(), updates, wall, handling.summary(), usage);
    }

    private void run(int updates, AtomicLong handled, Probes.Recorder also) {
        instances.forEach(bench -> bench.probes().recordTo((start, end) -> {
            also.handled(start, end);
            handled.incrementAndGet();
        }));
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        int pushed = 0;
        int turn = 0;
        while (pushed < updates) {
            while (pushed - handled.get() >= inFlight) {
                waitABit(deadline, pushed, handled);
            }
            List<Update> batch = mix.nextBatch();
            // As a load balancer would: the webhook requests (or the poller's batches) alternate between instances.
            instances.get(turn++ % instances.size()).context().getBean(UpdateQueue.class).store(batch);
            pushed += batch.size();
        }
        while (handled.get() < pushed) {
            waitABit(deadline, pushed, handled);
        }
    }

    private static void waitABit(long deadline, int pushed, AtomicLong handled) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("stored " + pushed + " updates but only " + handled.get() + " were handled in time");
        }
        LockSupport.parkNanos(1_000_000);
    }
}
