package dev.esimbot.bench;

import dev.esimbot.billing.BillingProperties;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.session.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the latency benchmark runs: the billing sandbox as an application of its own behind {@link DelayingBilling},
 * a fake Bot API in place of Telegram, and one or more bot instances in webhook mode on one Redis key prefix (so
 * one update queue), each with the given concurrency settings. Everything in this JVM, on the same cores.
 */
final class WebhookStack implements AutoCloseable {

    /** UPDATES_PARTITIONS, the default. */
    private static final int PARTITIONS = 16;

    private final FakeBotApi idle = new FakeBotApi().start();
    private final RunningBot sandbox;
    private final DelayingBilling billing;
    private final FakeBotApi telegram = new FakeBotApi().start();
    private final String prefix = TestRedis.uniquePrefix("bench-webhook");
    private final List<RunningBot> bots = new ArrayList<>();
    private int maxInFlight;
    private int billingMax;

    WebhookStack() {
        Map<String, Object> settings = RunningBot.defaults(idle.baseUrl(), TestRedis.uniquePrefix("bench-billing"));
        settings.put("billing.api-url", "");
        settings.put("logging.level.root", "WARN");
        sandbox = RunningBot.start(settings, null);
        billing = new DelayingBilling(sandbox.baseUrl());
    }

    DelayingBilling billing() {
        return billing;
    }

    FakeBotApi telegram() {
        return telegram;
    }

    List<String> botUrls() {
        return bots.stream().map(RunningBot::baseUrl).toList();
    }

    /** Runs exactly {@code count} bots with these settings, restarting them when the settings change. */
    void bots(int count, int maxInFlight, int billingMax) {
        if (maxInFlight != this.maxInFlight || billingMax != this.billingMax) {
            stopBots(0);
            this.maxInFlight = maxInFlight;
            this.billingMax = billingMax;
        }
        stopBots(count);
        while (bots.size() < count) {
            bots.add(RunningBot.start(botSettings(), null));
        }
        awaitPartitionsShared(count);
    }

    /** Until the instances own the partitions in fair shares (they rebalance at their heartbeats, a few seconds). */
    private void awaitPartitionsShared(int count) {
        UnifiedJedis redis = bots.get(0).bean(UnifiedJedis.class);
        RedisKeys keys = bots.get(0).bean(RedisKeys.class);
        int fair = (PARTITIONS + count - 1) / count;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Map<String, Long> owners = IntStream.range(0, PARTITIONS).mapToObj(p -> redis.get(keys.updateLease(p)))
                    .filter(Objects::nonNull).collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
            long owned = owners.values().stream().mapToLong(Long::longValue).sum();
            if (owned == PARTITIONS && owners.size() == count && owners.values().stream().allMatch(each -> each <= fair)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException(count + " instances did not share the partitions within 30 s");
    }

    /** Updates read from the queue and not finished, all instances together. */
    double inFlight() {
        return bots.stream().mapToDouble(bot -> bot.bean(MeterRegistry.class).get("bot.updates.in_flight").gauge().value()).sum();
    }

    private Map<String, Object> botSettings() {
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
        settings.remove("bot.reconcile-every"); // the tests' fast reconciliation; the benchmark keeps the defaults
        settings.remove("bot.reconcile-first");
        settings.put("telegram.webhook-url", "https://bench.example/telegram/webhook");
        settings.put("telegram.webhook-secret", WebhookLoad.SECRET);
        settings.put("telegram.max-in-flight", Integer.toString(maxInFlight));
        settings.put("billing.max-concurrent", Integer.toString(billingMax));
        settings.put("billing.api-url", billing.baseUrl() + "/sandbox/billing");
        settings.put("billing.api-key", BillingProperties.SANDBOX_API_KEY);
        settings.put("billing.webhook-secret", BillingProperties.SANDBOX_WEBHOOK_SECRET);
        settings.put("updates.shutdown-grace", "1s"); // what a stop leaves in hand is handled by the next bot
        settings.put("logging.level.root", "WARN");
        // Synthetic chats send far more than a person: flood control still counts every input, never trips.
        settings.put("limits.messages-per-minute", "1000000");
        return settings;
    }

    private void stopBots(int keep) {
        while (bots.size() > keep) {
            bots.remove(bots.size() - 1).close();
        }
    }

    @Override
    public void close() {
        stopBots(0);
        billing.close();
        sandbox.close();
        telegram.close();
        idle.close();
    }
}
