package dev.esimbot.bench;

import dev.esimbot.telegram.UpdateQueue;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/**
 * Throughput and reply latency when billing is slow: the whole app in webhook mode, chats sending {@code /start}
 * (one billing call and one reply each), billing answering after D ms ({@link DelayingBilling}). Sweeps D for one and
 * two instances, then one chat whose billing calls take 5 s among the others, a run bound by
 * {@code TELEGRAM_MAX_IN_FLIGHT} rather than CPU, and the heap with many chats in flight. Not a test: run it with
 * {@code ./mvnw -o -q -Pbench-latency verify} (docs/benchmark.md); sizes from {@code bench.latency.*}; the results go
 * to the console and to {@code target/latency-benchmark.md}.
 */
public final class LatencyBenchmark {

    private static final long FIRST_CHAT = 7_300_000_000L;
    private static final int PARTITIONS = 16;
    private static final long SLOW_BILLING_MILLIS = 5_000;
    private static final long HEAP_DELAY_MILLIS = 3_000;
    private static final int WARM_UP_ROUNDS = 2;

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LatencySettings s = LatencySettings.fromSystemProperties();
        Report report = new Report();
        describe(report, s);
        List<Long> chats = chats(FIRST_CHAT, s.chats());
        try (WebhookStack stack = new WebhookStack()) {
            stack.bots(1, s.maxInFlight(), s.billingMax());
            WebhookLoad load = new WebhookLoad(stack.telegram(), stack.botUrls());
            load.run(chats(FIRST_CHAT, Math.max(s.chats(), s.heapChats())), 2, 0, chat -> false); // sandbox data
            for (int round = 0; round < WARM_UP_ROUNDS; round++) { // JIT: a first full run measured half the next ones
                load.run(chats, s.perChat(), 0, chat -> false);
            }
            double slowRate = sweep(stack, s, chats, report);
            slowChat(stack, s, chats, slowRate, report);
            bound(stack, s, chats, report);
            heap(stack, s, report);
        }
        Path out = Path.of(s.output());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.text());
        System.out.print(report.text());
        System.out.println("(written to " + out + ")");
        System.exit(0); // the sandbox's and Tomcat's non-daemon threads would keep the JVM alive
    }

    /** Each D for each instance count: as fast as taken, then at half that rate. Returns one instance's rate at the slow-chat delay, halved. */
    private static double sweep(WebhookStack stack, LatencySettings s, List<Long> chats, Report report) throws Exception {
        report.heading("Billing delay sweep: /start, " + s.chats() + " chats").line("")
                .line("| instances | billing delay D | updates/s | reply p50 / p99 (as fast as taken) | reply p50 / p99 at half that rate | billing requests in flight (max) | billing calls per update |")
                .line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double slowRate = 0;
        for (int instances : s.instances()) {
            stack.bots(instances, s.maxInFlight(), s.billingMax());
            WebhookLoad load = new WebhookLoad(stack.telegram(), stack.botUrls());
            for (int delay : s.delays()) {
                stack.billing().delay(delay);
                stack.billing().takeMostInFlight();
                stack.billing().takeRequests();
                WebhookLoad.Result full = load.run(chats, s.perChat(), 0, chat -> false);
                int mostInFlight = stack.billing().takeMostInFlight();
                double callsPerUpdate = stack.billing().takeRequests() / (double) full.updates();
                WebhookLoad.Result half = load.run(chats, Math.max(1, s.perChat() / 2), full.updatesPerSecond() / 2, chat -> false);
                report.line(String.format("| %d | %d ms | %,.0f | %s | %s | %d | %.2f |", instances, delay, full.updatesPerSecond(),
                        ms(full.replies()), ms(half.replies()), mostInFlight, callsPerUpdate));
                System.err.printf("instances=%d D=%d ms: %.0f updates/s%n", instances, delay, full.updatesPerSecond());
                if (instances == 1 && delay == s.slowDelay()) {
                    slowRate = full.updatesPerSecond() / 2;
                }
            }
        }
        return slowRate;
    }

    private static void slowChat(WebhookStack stack, LatencySettings s, List<Long> chats, double rate, Report report) throws Exception {
        stack.bots(1, s.maxInFlight(), s.billingMax());
        stack.billing().delay(s.slowDelay());
        long slow = FIRST_CHAT - 1;
        int partition = partition(slow);
        LongPredicate samePartition = chat -> partition(chat) == partition;
        stack.billing().slowCustomer(slow, SLOW_BILLING_MILLIS);
        WebhookLoad load = new WebhookLoad(stack.telegram(), stack.botUrls());
        load.postOnce(slow);
        Thread.sleep(200); // its billing call is under way
        double paced = rate > 0 ? rate : 200;
        WebhookLoad.Result result = load.run(chats, s.perChat(), paced, samePartition);
        stack.billing().slowCustomer(slow, 0);
        report.heading("One chat whose billing calls take 5 s, among " + s.chats() + " chats (D = " + s.slowDelay()
                        + " ms, one instance, " + String.format("%,.0f", paced) + " updates/s offered)").line("")
                .line("| chats | replies | reply p50 / p99 |").line("| --- | ---: | ---: |")
                .line(String.format("| sharing the slow chat's partition | %d | %s |", result.slowPartition().count(), ms(result.slowPartition())))
                .line(String.format("| the other partitions | %d | %s |", result.otherChats().count(), ms(result.otherChats())));
    }

    /** Few in flight, so the bound is latency, not CPU: one instance, then two, at D = 100 ms. */
    private static void bound(WebhookStack stack, LatencySettings s, List<Long> chats, Report report) throws Exception {
        report.heading("Latency-bound: TELEGRAM_MAX_IN_FLIGHT=" + s.boundInFlight() + ", D = 100 ms").line("")
                .line("| instances | updates/s | reply p50 / p99 | billing requests in flight (max) |").line("| ---: | ---: | ---: | ---: |");
        stack.billing().delay(100);
        for (int instances : s.instances()) {
            stack.bots(instances, s.boundInFlight(), s.billingMax());
            stack.billing().takeMostInFlight();
            WebhookLoad.Result result = new WebhookLoad(stack.telegram(), stack.botUrls()).run(chats, Math.max(1, s.perChat() / 2), 0, c -> false);
            report.line(String.format("| %d | %,.0f | %s | %d |", instances, result.updatesPerSecond(), ms(result.replies()),
                    stack.billing().takeMostInFlight()));
        }
    }

    /** Heap used (after a full GC) with no chat in flight, then with {@code heapChats} in flight at once. */
    private static void heap(WebhookStack stack, LatencySettings s, Report report) throws Exception {
        int heapChats = s.heapChats();
        stack.bots(1, heapChats, heapChats);
        stack.billing().delay(HEAP_DELAY_MILLIS);
        long idleHeap = usedHeapAfterGc();
        int idleThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        String idleRss = residentMemory();
        CompletableFuture<WebhookLoad.Result> run = CompletableFuture.supplyAsync(() -> oneEach(stack, chats(FIRST_CHAT, heapChats)));
        double inFlight = awaitInFlight(stack, heapChats * 0.98);
        long busyHeap = usedHeapAfterGc();
        int busyThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        String busyRss = residentMemory();
        run.get();
        report.heading("Memory: " + heapChats + " chats in flight (D = " + HEAP_DELAY_MILLIS + " ms, TELEGRAM_MAX_IN_FLIGHT = "
                        + heapChats + ")").line("")
                .line(String.format("- heap used after a full GC: %.1f MB with none in flight, %.1f MB with %.0f in flight: "
                        + "%.1f KB per chat in flight (this JVM also runs the sandbox and the fakes)", idleHeap / 1e6,
                        busyHeap / 1e6, inFlight, (busyHeap - idleHeap) / 1e3 / Math.max(1, inFlight)))
                .line(String.format("- live threads: %d idle, %d in flight; the process's resident memory (heap, thread stacks "
                        + "and the rest): %s idle, %s in flight", idleThreads, busyThreads, idleRss, busyRss));
    }

    private static WebhookLoad.Result oneEach(WebhookStack stack, List<Long> chats) {
        try {
            return new WebhookLoad(stack.telegram(), stack.botUrls()).run(chats, 1, 0, c -> false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most twice the billing delay) until that many updates are in flight; returns how many were. */
    private static double awaitInFlight(WebhookStack stack, double wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 2 * HEAP_DELAY_MILLIS * 1_000_000;
        double inFlight = stack.inFlight();
        while (inFlight < wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
            inFlight = stack.inFlight();
        }
        return inFlight;
    }

    private static String residentMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring(6).trim()).findFirst().orElse("unknown");
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void describe(Report report, LatencySettings s) {
        Runtime runtime = Runtime.getRuntime();
        report.line("# Latency benchmark, " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).line("")
                .line("- Machine: " + runtime.availableProcessors() + " cores, Java " + System.getProperty("java.version")
                        + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MB, JVM options "
                        + ManagementFactory.getRuntimeMXBean().getInputArguments())
                .line("- The app in webhook mode; Telegram: the fake Bot API over loopback HTTP; billing: the sandbox app's "
                        + "answers, replayed after D ms by a loopback server on threads of its own")
                .line(String.format("- Settings: TELEGRAM_MAX_IN_FLIGHT=%d, BILLING_MAX_CONCURRENT=%d, %d chats x %d updates "
                        + "per run (half at half rate)", s.maxInFlight(), s.billingMax(), s.chats(), s.perChat()));
    }

    private static String ms(Latencies.Summary summary) {
        return String.format("%,.0f / %,.0f ms", summary.p50(), summary.p99());
    }

    private static List<Long> chats(long first, int count) {
        return LongStream.range(first, first + count).boxed().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static int partition(long chat) {
        return UpdateQueue.partitionOf(chat, PARTITIONS);
    }
}
