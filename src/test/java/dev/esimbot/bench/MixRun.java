package dev.esimbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.telegram.UpdatePipeline;
import dev.esimbot.testing.TestUser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Pushes one mix through {@link UpdatePipeline#handle(List)} in batches as getUpdates delivers them: up to
 * {@code batchSize} updates, one per chat, the chats taken round-robin. Building and parsing the update JSON happens
 * before the clock starts; the clock measures only {@code handle}, which returns when the whole batch is handled.
 */
final class MixRun {

    private static final ObjectMapper BOT_API_JSON = new ObjectMapper();

    private final Mix mix;
    private final UpdatePipeline pipeline;
    private final NoNetworkTelegramClient telegram;
    private final Probes probes;
    private final List<TestUser> users = new ArrayList<>();
    private final int[] position;
    private final int batchSize;
    private final AtomicLong updateIds;
    private int next;
    private volatile long batchStart;

    MixRun(Mix mix, Bench bench, long firstChatId, int chats, int batchSize, AtomicLong updateIds) {
        if (chats < batchSize) {
            throw new IllegalArgumentException("need at least as many chats (" + chats + ") as updates per batch (" + batchSize + ")");
        }
        this.mix = mix;
        this.pipeline = bench.pipeline();
        this.telegram = bench.telegram();
        this.probes = bench.probes();
        this.batchSize = batchSize;
        this.updateIds = updateIds;
        this.position = new int[chats];
        for (int i = 0; i < chats; i++) {
            long id = firstChatId + i;
            users.add(i % 2 == 0 ? TestUser.chinese(id, "用户" + i) : TestUser.english(id, "User" + i));
        }
    }

    Mix mix() {
        return mix;
    }

    List<Long> chatIds() {
        return users.stream().map(TestUser::id).toList();
    }

    /** Every chat's set-up updates, unmeasured. */
    void setUp() {
        for (int step = 0; step < mix.setup.size(); step++) {
            for (int from = 0; from < users.size(); from += batchSize) {
                List<Update> batch = new ArrayList<>();
                for (TestUser user : users.subList(from, Math.min(users.size(), from + batchSize))) {
                    batch.add(parse(mix.setup.get(step).update(updateIds.incrementAndGet(), user, telegram.screen(user.id()))));
                }
                pipeline.handle(batch);
            }
        }
    }

    /** Runs {@code updates} updates of the cycle without recording anything. */
    void warmUp(int updates) {
        probes.recordTo(Probes.Recorder.NONE);
        for (int done = 0; done < updates; done += batchSize) {
            pipeline.handle(nextBatch());
        }
    }

    /** Runs {@code updates} updates of the cycle and measures them. */
    MixResult measure(int updates, CpuMeter cpu) {
        Latencies handling = new Latencies(updates);
        Latencies inBatch = new Latencies(updates);
        Latencies batches = new Latencies(updates / batchSize + 1);
        probes.recordTo((start, end) -> {
            handling.add(end - start);
            inBatch.add(end - batchStart);
        });
        long billingBefore = probes.billingCalls();
        Map<Probes.Part, Long> partsBefore = parts();
        long telegramBefore = telegram.calls();
        long busy = 0;
        int done = 0;
        cpu.start();
        while (done < updates) {
            List<Update> batch = nextBatch();
            batchStart = System.nanoTime();
            pipeline.handle(batch);
            long took = System.nanoTime() - batchStart;
            busy += took;
            batches.add(took);
            done += batch.size();
        }
        CpuMeter.Usage usage = cpu.stop();
        probes.recordTo(Probes.Recorder.NONE);
        if (handling.count() != done) {
            throw new IllegalStateException(mix + ": pushed " + done + " updates but the conversation handled " + handling.count());
        }
        if (telegram.failures() > 0) {
            throw new IllegalStateException(mix + ": " + telegram.failures() + " Telegram calls failed; the replies were not delivered");
        }
        Map<Probes.Part, Double> partMillis = new EnumMap<>(Probes.Part.class);
        for (Map.Entry<Probes.Part, Long> part : parts().entrySet()) {
            partMillis.put(part.getKey(), (part.getValue() - partsBefore.get(part.getKey())) / 1e6 / done);
        }
        return new MixResult(mix, users.size(), batchSize, done, busy, handling.summary(), inBatch.summary(), batches.summary(),
                (probes.billingCalls() - billingBefore) / (double) done, (telegram.calls() - telegramBefore) / (double) done,
                partMillis, usage);
    }

    private Map<Probes.Part, Long> parts() {
        Map<Probes.Part, Long> nanos = new EnumMap<>(Probes.Part.class);
        for (Probes.Part part : Probes.Part.values()) {
            nanos.put(part, probes.nanos(part));
        }
        return nanos;
    }

    List<Update> nextBatch() {
        List<Update> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            int chat = next;
            next = (next + 1) % users.size();
            TestUser user = users.get(chat);
            Mix.Step step = mix.steps.get(position[chat]++ % mix.steps.size());
            batch.add(parse(step.update(updateIds.incrementAndGet(), user, telegram.screen(user.id()))));
        }
        return batch;
    }

    private static Update parse(ObjectNode json) {
        try {
            return BOT_API_JSON.treeToValue(json, Update.class);
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark built an update the Bot API types do not read", e);
        }
    }
}
