package dev.esimbot.bench;

import dev.esimbot.notices.ExpiryScan;
import dev.esimbot.notices.ScanReport;
import dev.esimbot.sandbox.SandboxBulk;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * Heap and time of one expiry scan of N eSIMs that all end within 3 days, from the billing sandbox over HTTP, each
 * owner a bot user, so every eSIM becomes a queued notice (the senders are off: the queue keeps them). The live heap
 * (after a forced GC, every second during the scan) should stay flat whatever N is: the scan holds one page at a time.
 * Not a test: {@code ./mvnw -o -q -Pbench-scan verify} (docs/benchmark.md); sizes from {@code -Dbench.scanSizes}.
 */
public final class ScanBenchmark {

    private static final long FIRST_CUSTOMER = 7_000_000_000L;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ScanBenchmark() {
    }

    record Result(int esims, ScanReport report, Duration took, long baselineMb, long liveMaxMb, long usedMaxMb,
                  Duration again) {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder table = new StringBuilder("Run " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + ", Redis " + TestRedis.url() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, "
                + "page " + System.getProperty("bench.scanPage", "200") + "\n\n"
                + "| eSIMs | notices queued | scan time | per eSIM | live heap before | live heap during (max) | growth |"
                + " used heap (max, with garbage) | the same scan again (nothing new) |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        long firstCustomer = FIRST_CUSTOMER;
        for (String size : System.getProperty("bench.scanSizes", "10000,100000").split(",")) {
            Result r = measure(Integer.parseInt(size.strip()), firstCustomer);
            firstCustomer += 10_000_000;
            table.append(String.format("| %,d | %,d | %.1f s | %.0f µs | %d MB | %d MB | %+d MB | %d MB | %.1f s |%n",
                    r.esims(), r.report().queued(), r.took().toMillis() / 1000.0, r.took().toNanos() / 1000.0 / r.esims(),
                    r.baselineMb(), r.liveMaxMb(), r.liveMaxMb() - r.baselineMb(), r.usedMaxMb(),
                    r.again().toMillis() / 1000.0));
        }
        Path out = Path.of(System.getProperty("bench.output", "target/scan-benchmark.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table.toString());
        System.out.println();
        System.out.print(table);
        System.out.println("(written to " + out + ")");
        System.exit(0); // the sandbox's and Tomcat's non-daemon threads would keep the JVM alive
    }

    private static Result measure(int esims, long firstCustomer) throws Exception {
        String prefix = TestRedis.uniquePrefix("bench-scan");
        try (FakeBotApi telegram = new FakeBotApi().start()) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
            settings.put("notices.enabled", "false");
            settings.put("notices.quiet-hours", "");
            settings.put("notices.scan-page", System.getProperty("bench.scanPage", "200"));
            try (RunningBot bot = RunningBot.start(settings, null); UnifiedJedis redis = TestRedis.client()) {
                SandboxBulk.addExpiring(bot, firstCustomer, esims, Instant.now().plus(Duration.ofDays(1)), Duration.ofDays(1));
                joinAudience(redis, new RedisKeys(prefix), firstCustomer, esims);
                long baseline = liveHeapMb();
                AtomicLong liveMax = new AtomicLong(baseline);
                AtomicLong usedMax = new AtomicLong(0);
                Thread sampler = sampler(liveMax, usedMax);
                long start = System.nanoTime();
                ScanReport report = bot.bean(ExpiryScan.class).run();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                sampler.interrupt();
                sampler.join();
                long again = System.nanoTime();
                bot.bean(ExpiryScan.class).run();
                Duration repeat = Duration.ofNanos(System.nanoTime() - again);
                cleanUp(redis, prefix);
                return new Result(esims, report, took, baseline, liveMax.get(), usedMax.get(), repeat);
            }
        }
    }

    /** Every 50 ms the heap in use (garbage included); every second the live heap, after a forced full GC. */
    private static Thread sampler(AtomicLong liveMax, AtomicLong usedMax) {
        Thread sampler = new Thread(() -> {
            long tick = 0;
            while (!Thread.currentThread().isInterrupted()) {
                usedMax.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed() >> 20, Math::max);
                if (++tick % 20 == 0) {
                    liveMax.accumulateAndGet(liveHeapMb(), Math::max);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private static long liveHeapMb() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() >> 20;
    }

    /** The owners as bot users (the scan writes only to those), as announce.Audience records them, in chunks. */
    private static void joinAudience(UnifiedJedis redis, RedisKeys keys, long firstCustomer, int count) {
        Map<String, Double> chunk = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long chat = firstCustomer + i;
            chunk.put(Long.toString(chat), (double) chat);
            if (chunk.size() == 1000 || i == count - 1) {
                redis.zadd(keys.audience("EN"), chunk);
                chunk.clear();
            }
        }
    }

    /** The benchmark's keys go (a queue of N notices is large); the prefix is its own. */
    private static void cleanUp(UnifiedJedis redis, String prefix) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(prefix + ":*").count(1000);
        do {
            var page = redis.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                redis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
}
