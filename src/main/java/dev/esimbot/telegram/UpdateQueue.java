package dev.esimbot.telegram;

import dev.esimbot.ops.UpdateHandling.Outcome;
import dev.esimbot.session.RedisKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * The durable update queue of Bot API mode. Long polling and the webhook store each update here (a Redis stream per
 * partition of chats) before Telegram learns it arrived; this instance's partition workers hand them to the
 * {@link UpdatePipeline}, each chat's in order and many chats at once, and delete them once handled. Stops after the pollers (a higher phase stops first) and
 * before the web server, so during the grace period the webhook still answers, with 503.
 */
@Conditional(TelegramMode.BotApi.class)
@Component
public class UpdateQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpdateQueue.class);

    private final UpdateStream stream;
    private final PartitionWorkers workers;
    private final UpdatesProperties properties;
    private final String instance = UUID.randomUUID().toString();
    /**
     * Updates this instance stored, already parsed, by entry id: its own workers need not read the JSON again. Bounded:
     * entries another instance handles never leave it, so it is cleared when it reaches the backlog bound.
     */
    private final Map<Stored, Update> parsed = new ConcurrentHashMap<>();

    /** Where an update is stored: entry ids are unique within one partition's stream only. */
    private record Stored(int partition, StreamEntryID id) {
    }
    private volatile boolean running;

    UpdateQueue(UnifiedJedis redis, RedisKeys keys, UpdatesProperties properties, TelegramProperties telegram,
                UpdatePipeline pipeline, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.stream = new UpdateStream(redis, keys);
        PartitionLeases leases = new PartitionLeases(stream, properties, instance, clock);
        this.workers = new PartitionWorkers(stream, leases, properties, telegram.maxInFlight(),
                (partition, id, json) -> handle(pipeline, parsed.remove(new Stored(partition, id)), json));
        for (int p = 0; p < properties.partitions(); p++) {
            int partition = p;
            Gauge.builder("bot.updates.queue", () -> workers.depth(partition))
                    .description("Updates stored and not handled yet, per partition").tag("partition", Integer.toString(p))
                    .register(meters);
        }
        Gauge.builder("bot.updates.in_flight", workers::inFlight)
                .description("Updates this instance has read and not finished (TELEGRAM_MAX_IN_FLIGHT bounds it)").register(meters);
    }

    /** The update as this instance stored it, when it has it, else read from its stored JSON. */
    private static Outcome handle(UpdatePipeline pipeline, Update stored, String json) {
        return Optional.ofNullable(stored).or(() -> BotApiJson.read(json)).map(pipeline::handleNow).orElseGet(() -> {
            log.warn("a stored entry is not an update; dropped");
            return Outcome.FAILED;
        });
    }

    /** The partition of a chat's updates, for the benchmark. */
    public static int partitionOf(long chatId, int partitions) {
        return UpdateStream.partition(chatId, partitions);
    }

    /** Whether to take more updates now: not stopping, and the backlog under {@code UPDATES_MAX_BACKLOG}. */
    public boolean accepting() {
        return running && workers.backlog() < properties.maxBacklog();
    }

    public boolean stopping() {
        return !running;
    }

    /**
     * Stores updates durably, in their order, in one round trip; returns per partition the entries stored, in order.
     * Public for the benchmark, which drives the queue as long polling does.
     */
    public Map<Integer, List<StreamEntryID>> store(List<Update> updates) {
        List<UpdateStream.Entry> entries = updates.stream().map(update -> {
            long chatId = chatOf(update);
            return new UpdateStream.Entry(UpdateStream.partition(chatId, properties.partitions()), chatId, BotApiJson.write(update));
        }).toList();
        List<StreamEntryID> ids = stream.appendAll(entries);
        if (parsed.size() > properties.maxBacklog()) {
            parsed.clear();
        }
        Map<Integer, List<StreamEntryID>> stored = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            stored.computeIfAbsent(entries.get(i).partition(), p -> new ArrayList<>()).add(ids.get(i));
            parsed.put(new Stored(entries.get(i).partition(), ids.get(i)), updates.get(i));
        }
        stored.keySet().forEach(workers::signal);
        return stored;
    }

    /** Stores one update as Telegram sent it (the webhook's body, already checked to be an update). */
    void store(Update parsed, String json) {
        long chatId = chatOf(parsed);
        int partition = UpdateStream.partition(chatId, properties.partitions());
        stream.append(partition, chatId, json);
        workers.signal(partition);
    }

    /**
     * Long polling's pace when {@code updates.await-handled} is above zero (the tests set it, to read a confirmed
     * offset as handled): waits at most that long until the stored entries are handled, by this instance or another,
     * each partition looked at anew every round, so one handed over meanwhile is followed where it went. They are
     * handled in parallel, so this lasts about as long as the slowest of them. Returns false when the time ran out;
     * at once true with zero, the default: the updates are durable once stored, and polling paces by backpressure.
     */
    boolean awaitHandled(Map<Integer, List<StreamEntryID>> stored) throws InterruptedException {
        Duration max = properties.awaitHandled();
        long deadline = System.nanoTime() + max.toNanos();
        Map<Integer, List<StreamEntryID>> pending = new HashMap<>(stored);
        while (!max.isZero()) {
            pending.entrySet().removeIf(partition -> handled(partition.getKey(), partition.getValue()));
            if (pending.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private boolean handled(int partition, List<StreamEntryID> ids) {
        return workers.handledHere(partition, ids) || !stream.anyLeft(partition, ids);
    }

    private static long chatOf(Update update) {
        try {
            return BotApiJson.chatOf(update);
        } catch (RuntimeException e) {
            return 0; // an update missing a part it should have: it goes to partition of chat 0 and is ignored there
        }
    }

    @Override
    public void start() {
        workers.start();
        running = true;
        log.info("update queue started: instance={} partitions={}", instance, properties.partitions());
    }

    @Override
    public void stop() {
        running = false;
        workers.stop(properties.shutdownGrace());
        log.info("update queue stopped: instance={}", instance);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
