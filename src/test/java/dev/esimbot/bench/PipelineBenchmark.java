package dev.esimbot.bench;

import dev.esimbot.bench.Report.SessionBytes;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Throughput, handling time and Redis bytes per session of the update pipeline, with real Redis and the in-app billing
 * sandbox, Telegram's network left out. Not a test: run it with {@code ./mvnw -o -q -Pbench verify} (see
 * docs/benchmark.md). Sizes come from system properties {@code bench.*}; the results go to the console and to
 * {@code target/benchmark.md}.
 */
public final class PipelineBenchmark {

    private static final long FIRST_CHAT_ID = 5_100_000_000L;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        String loadBefore = loadAverage();
        Report report = new Report();
        try (Bench bench = Bench.start(settings.workers())) {
            describe(report, settings, TestRedis.url(), info(bench.redis(), "redis_version"));
            Report profiles = new Report();
            CpuMeter cpu = new CpuMeter(localRedisPid(bench.redis()));
            long firstChat = measureMixes(bench, settings, cpu, report, profiles);
            List<StreamRun.Result> streams = measureStreams(bench, settings, cpu, firstChat);
            firstChat += settings.chats();
            Floor floor = new Floor(bench, firstChat, settings.chats(), cpu);
            Floor.Result floorTurns = floor.turn(settings.workers(), settings.floorOps());
            report.heading("Raw floor: no pipeline, billing, rendering or Telegram").floor(List.of(
                    floor.machineOnly(settings.floorOps()),
                    floor.sessionOnly(1, settings.floorOps()),
                    floor.turn(1, settings.floorOps()),
                    floorTurns));
            report.heading("The update queue (" + Mix.SESSION_ONLY.title + "): stored in Redis streams, handled by the "
                    + "partition workers, deleted once handled").streams(streams, floorTurns).line("")
                    .line("- updates/s: from the first store until the last update was handled; at most " + settings.chats() / 2
                            + " stored and not yet handled at any time (the producer waits); batches of " + settings.batch() + ".")
                    .line("- two instances: a second application in this JVM on the same Redis key prefix, sharing the 2 cores; "
                            + "batches alternate between the instances as a load balancer would spread webhook calls.");
            report.line("").line(profiles.text());
            removeKeys(bench.redis(), bench.keyPrefix());
        }
        report.line("Load average (1/5/15 min; counts this benchmark's own threads too) before: " + loadBefore + "; after: "
                + loadAverage() + ".");
        Path out = Path.of(settings.output());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.text());
        System.out.println();
        System.out.print(report.text());
        System.out.println("(written to " + out + ")");
        System.exit(0); // the sandbox's and Tomcat's non-daemon threads would keep the JVM alive
    }

    /** Sets up, warms up and measures each mix on chats of its own; returns the first chat id not used. */
    private static long measureMixes(Bench bench, Settings settings, CpuMeter cpu, Report report, Report profiles)
            throws Exception {
        AtomicLong updateIds = new AtomicLong(700_000_000L);
        List<MixResult> mixes = new ArrayList<>();
        List<SessionBytes> sizes = new ArrayList<>();
        long firstChat = FIRST_CHAT_ID;
        for (Mix mix : Mix.values()) {
            MixRun run = new MixRun(mix, bench, firstChat, settings.chats(), settings.batch(), updateIds);
            firstChat += settings.chats();
            run.setUp();
            run.warmUp(settings.warmup());
            Profile profile = settings.profile() ? Profile.start(mix, Path.of(settings.output()).toAbsolutePath().getParent()) : null;
            MixResult result = run.measure(settings.updates(), cpu);
            if (profile != null) {
                profile.stop(mix, profiles);
            }
            if (mix == Mix.SESSION_ONLY && result.billingCallsPerUpdate() > 0) {
                throw new IllegalStateException(mix + " is meant to need no billing, but it called billing");
            }
            mixes.add(result);
            sizes.add(sessionBytes(bench, mix, run.chatIds()));
            System.err.printf("%s: %.0f updates/s%n", mix, result.updatesPerSecond());
        }
        report.heading("Pipeline: UpdatePipeline.handle, batches of " + settings.batch() + ", Telegram network excluded")
                .pipeline(mixes).line("");
        mixes.forEach(m -> report.line("- " + m.mix().title + ": " + m.mix().cycle + "."));
        report.heading("Where the handling time goes: mean ms per update, measured in each part").parts(mixes);
        int cores = Runtime.getRuntime().availableProcessors();
        report.heading("CPU while measuring, percent of one core (" + cores + " cores = " + 100 * cores + " %)").cpu(mixes);
        report.heading("Redis bytes per session (after the run)").sessions(sizes);
        return firstChat;
    }

    /** The session-only mix through the update queue: one instance, then two on one Redis. */
    private static List<StreamRun.Result> measureStreams(Bench bench, Settings settings, CpuMeter cpu, long firstChat) {
        MixRun run = new MixRun(Mix.SESSION_ONLY, bench, firstChat, settings.chats(), settings.batch(), new AtomicLong(900_000_000L));
        run.setUp();
        List<StreamRun.Result> results = new ArrayList<>();
        StreamRun one = new StreamRun(run, List.of(bench), settings.chats() / 2);
        one.warmUp(settings.warmup());
        results.add(one.measure("one instance", settings.updates(), cpu));
        System.err.printf("update queue, one instance: %.0f updates/s%n", results.get(0).updatesPerSecond());
        try (Bench second = Bench.another(bench, settings.workers())) {
            StreamRun two = new StreamRun(run, List.of(bench, second), settings.chats() / 2);
            two.warmUp(settings.warmup() / 2);
            results.add(two.measure("two instances on one Redis", settings.updates(), cpu));
            System.err.printf("update queue, two instances: %.0f updates/s%n", results.get(1).updatesPerSecond());
        }
        return results;
    }

    private static void describe(Report report, Settings s, String redisUrl, String redisVersion) {
        Runtime runtime = Runtime.getRuntime();
        report.line("# Pipeline benchmark, " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).line("")
                .line("- Machine: " + runtime.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", max heap "
                        + runtime.maxMemory() / (1024 * 1024) + " MB, JVM options "
                        + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                .line("- Redis: " + redisDescription(redisUrl) + ", version " + redisVersion)
                .line("- Billing: the in-app sandbox over loopback HTTP; Telegram: no network (NoNetworkTelegramClient)")
                .line(String.format("- Settings: telegram.workers=%d, %d chats per mix, %,d warm-up + %,d measured updates per mix, "
                        + "raw floor %,d operations", s.workers(), s.chats(), s.warmup(), s.updates(), s.floorOps()));
    }

    private static SessionBytes sessionBytes(Bench bench, Mix mix, List<Long> chatIds) {
        UnifiedJedis redis = bench.redis();
        RedisKeys keys = bench.keys();
        long total = 0;
        long max = 0;
        long length = 0;
        for (long chatId : chatIds) {
            Long bytes = redis.memoryUsage(keys.session(chatId));
            if (bytes == null) {
                throw new IllegalStateException("chat " + chatId + " has no session after the run");
            }
            total += bytes;
            max = Math.max(max, bytes);
            length += redis.strlen(keys.session(chatId));
        }
        return new SessionBytes(mix, chatIds.size(), total / (double) chatIds.size(), max, length / (double) chatIds.size());
    }

    private static String redisDescription(String url) {
        String fromEnv = System.getenv("REDIS_URL");
        String where = url.replaceFirst("//[^@/]*@", "//");
        return fromEnv != null && !fromEnv.isBlank() ? "REDIS_URL " + where : "embedded redis-server (REDIS_URL not set) " + where;
    }

    /** The redis-server's process id when it runs on this machine (its /proc entry is a redis process), else 0. */
    private static long localRedisPid(UnifiedJedis redis) {
        String pid = info(redis, "process_id");
        try {
            String command = Files.readString(Path.of("/proc", pid, "comm"));
            return command.startsWith("redis") ? Long.parseLong(pid) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String info(UnifiedJedis redis, String field) {
        return redis.info("server").lines().filter(l -> l.startsWith(field + ":")).map(l -> l.substring(field.length() + 1).trim())
                .findFirst().orElse("unknown");
    }

    private static void removeKeys(UnifiedJedis redis, String prefix) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(prefix + ":*").count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                page.getResult().forEach(redis::del);
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @param profile record each measured mix with JFR and add a summary (costs some throughput) */
    record Settings(int chats, int updates, int warmup, int batch, int workers, int floorOps, boolean profile, String output) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.chats", 2_000), Integer.getInteger("bench.updates", 40_000),
                    Integer.getInteger("bench.warmup", 16_000), Integer.getInteger("bench.batch", 100),
                    Integer.getInteger("bench.workers", 8), Integer.getInteger("bench.floorOps", 20_000),
                    Boolean.getBoolean("bench.profile"), System.getProperty("bench.output", "target/benchmark.md"));
        }
    }
}
