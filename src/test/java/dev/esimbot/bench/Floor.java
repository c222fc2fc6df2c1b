package dev.esimbot.bench;

import dev.esimbot.bench.Latencies.Summary;
import dev.esimbot.conversation.JourneyLoop;
import dev.esimbot.session.ChatSessions;
import dev.esimbot.session.ChatSessions.Outcome;
import dev.esimbot.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The raw floor of one turn without the pipeline, billing, rendering or Telegram: the session round trip of
 * {@link ChatSessions#withChat} (lock, load, fenced save, unlock) and the state machine restore + event, apart and
 * together, on the application's own beans and Redis. Each thread owns its chats, so no lock is ever contended.
 */
final class Floor {

    /**
     * @param name    what one operation is
     * @param threads how many threads ran operations at once
     * @param cpu     where the machine's CPU went meanwhile: a single thread's Redis latency depends on the neighbours
     */
    record Result(String name, int threads, int ops, long wallNanos, Summary latency, CpuMeter.Usage cpu) {
        double opsPerSecond() {
            return ops / (wallNanos / 1e9);
        }
    }

    /** One operation on one chat: {@code index} is the chat's place in the run, {@code step} counts its operations. */
    @FunctionalInterface
    private interface Op {
        void run(long chatId, int index, long step);
    }

    private final ChatSessions sessions;
    private final JourneyLoop journey;
    private final int chats;
    private final CpuMeter meter;
    private long nextChatId;

    Floor(Bench bench, long firstChatId, int chats, CpuMeter meter) {
        this.sessions = bench.context().getBean(ChatSessions.class);
        this.journey = new JourneyLoop(bench.context());
        this.nextChatId = firstChatId;
        this.chats = chats;
        this.meter = meter;
    }

    Result machineOnly(int ops) {
        String[] states = new String[chats];
        return run("state machine restore + event (no Redis)", 1, ops, (chat, index, step) -> {
            states[index] = journey.fire(states[index], step);
        });
    }

    Result sessionOnly(int threads, int ops) {
        return run("session lock + load + fenced save + unlock", threads, ops,
                (chat, index, step) -> sessions.withChat(chat, current -> save(current, current.state(), step)));
    }

    Result turn(int threads, int ops) {
        return run("session round trip + state machine", threads, ops,
                (chat, index, step) -> sessions.withChat(chat, current -> save(current, journey.fire(current.state(), step), step)));
    }

    /** What a turn stores: the new state, a language and a screen version, and the update id (9 digits, as Telegram's). */
    private static Outcome<Void> save(Session current, String state, long step) {
        Map<String, String> data = Map.of("l", "EN", "v", Long.toString(step + 1));
        return new Outcome<>(current.with(state, data).withUpdate(800_000_000L + step), false, null);
    }

    /** Warms up, then measures, on chats of its own so every run starts from new sessions. */
    private Result run(String name, int threads, int ops, Op op) {
        long firstChatId = nextChatId;
        nextChatId += chats;
        long[] steps = new long[chats];
        drive(threads, ops / 2, firstChatId, steps, op, null);
        Latencies latency = new Latencies(ops);
        meter.start();
        long start = System.nanoTime();
        drive(threads, ops, firstChatId, steps, op, latency);
        long wall = System.nanoTime() - start;
        return new Result(name, threads, latency.count(), wall, latency.summary(), meter.stop());
    }

    /** Each thread takes every {@code threads}-th chat and goes round them; a chat's steps follow on one thread. */
    private void drive(int threads, int ops, long firstChatId, long[] steps, Op op, Latencies latency) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    int own = (chats - thread + threads - 1) / threads;
                    for (int i = 0; i < ops / threads; i++) {
                        int index = thread + (i % own) * threads;
                        long begin = System.nanoTime();
                        op.run(firstChatId + index, index, steps[index]++);
                        if (latency != null) {
                            latency.add(System.nanoTime() - begin);
                        }
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("floor run failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
