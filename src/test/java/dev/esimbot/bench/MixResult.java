package dev.esimbot.bench;

import dev.esimbot.bench.Latencies.Summary;
import java.util.Map;

/**
 * One measured mix.
 *
 * @param busyNanos        time spent inside {@code UpdatePipeline.handle}, summed over the batches
 * @param handling         per update: {@code Conversation.handle} on its worker thread, lock to unlock
 * @param inBatch          per update: from the start of its batch until it was handled (includes waiting for a worker)
 * @param batches          per batch: the whole {@code UpdatePipeline.handle} call
 * @param partMillis       mean milliseconds per update spent in each measured part of the turn
 * @param cpu              where the machine's CPU went while the mix was measured
 */
record MixResult(Mix mix, int chats, int batchSize, int updates, long busyNanos, Summary handling, Summary inBatch,
                 Summary batches, double billingCallsPerUpdate, double telegramCallsPerUpdate,
                 Map<Probes.Part, Double> partMillis, CpuMeter.Usage cpu) {

    double updatesPerSecond() {
        return updates / (busyNanos / 1e9);
    }
}
