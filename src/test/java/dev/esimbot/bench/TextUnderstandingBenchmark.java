package dev.esimbot.bench;

import dev.esimbot.understanding.Understanding;
import dev.esimbot.understanding.UnderstandingProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * CPU per text and heap of free-text understanding (dev.esimbot.understanding) with the bundled knowledge base: the
 * live heap the index and its analyzers add (after forced GCs, SmartCN's dictionaries included), and the CPU time of
 * the calling thread per {@code understand(text)} (ThreadMXBean), over the labelled phrasings of both languages and,
 * reported apart, over texts of about 1,000 characters (the longest the bot reads).
 * Targets: p99 under 5 ms, heap under 20 MB. Not a test: {@code ./mvnw -o -q -Pbench-text verify}; rounds from
 * {@code -Dbench.textRounds}, warm-up rounds from {@code -Dbench.textWarmup}.
 */
public final class TextUnderstandingBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TextUnderstandingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.textRounds", 50);
        int warmup = Integer.getInteger("bench.textWarmup", 20);
        List<String> texts = new ArrayList<>(texts("labelled_en.tsv"));
        texts.addAll(texts("labelled_zh.tsv"));

        long before = liveHeap();
        long built = System.nanoTime();
        Understanding understanding = new Understanding(
                new UnderstandingProperties("classpath:kb/", 1.8, 0.5, Duration.ofDays(30), 1000), new DefaultResourceLoader());
        long buildMs = (System.nanoTime() - built) / 1_000_000;
        long heap = liveHeap() - before;

        List<String> longTexts = longTexts();
        List<String> all = new ArrayList<>(texts);
        all.addAll(longTexts);
        for (int i = 0; i < warmup; i++) {
            all.forEach(understanding::understand);
        }
        long[] shortCpu = cpu(understanding, texts, rounds);
        long[] longCpu = cpu(understanding, longTexts, rounds * 4);
        String report = String.format(Locale.ROOT, """
                ## Free-text understanding (TextUnderstandingBenchmark)

                | measure | value | target |
                | --- | --- | --- |
                | short texts (labelled phrasings, en + zh) x rounds | %d x %d = %d calls (after %d warm-up rounds) | |
                | short: CPU per text p50 / p99 / max | %.3f / %.3f / %.3f ms | p99 < 5 ms |
                | long texts (rambling en and zh, non-words, mixed scripts; ~1,000 characters) x rounds | %d x %d = %d calls | |
                | long: CPU per text p50 / p99 / max | %.3f / %.3f / %.3f ms | p99 < 5 ms |
                | live heap added by the index and analyzers | %.1f MB | < 20 MB |
                | start-up: read, check and index the knowledge base | %d ms | |

                JVM %s, %d processors.
                """, texts.size(), rounds, shortCpu.length, warmup, millis(shortCpu, 0.50), millis(shortCpu, 0.99),
                shortCpu[shortCpu.length - 1] / 1e6, longTexts.size(), rounds * 4, longCpu.length, millis(longCpu, 0.50),
                millis(longCpu, 0.99), longCpu[longCpu.length - 1] / 1e6, heap / 1024.0 / 1024.0, buildMs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        StringBuilder perText = new StringBuilder("\nLong texts one by one, CPU p99:");
        for (String text : longTexts) {
            perText.append(String.format(Locale.ROOT, " %.3f ms (%s...);", millis(cpu(understanding, List.of(text), rounds), 0.99),
                    text.substring(0, 12)));
        }
        report += perText + "\n";
        System.out.println(report);
        String output = System.getProperty("bench.output");
        if (output != null) {
            Files.writeString(Path.of(output), report, StandardCharsets.UTF_8);
        }
    }

    /** CPU nanoseconds of the calling thread per call, sorted. */
    private static long[] cpu(Understanding understanding, List<String> texts, int rounds) {
        long[] cpu = new long[rounds * texts.size()];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                long start = THREADS.getCurrentThreadCpuTime();
                understanding.understand(text);
                cpu[n++] = THREADS.getCurrentThreadCpuTime() - start;
            }
        }
        Arrays.sort(cpu);
        return cpu;
    }

    /** Texts near the 1,000-character limit: rambling, non-words, mixed scripts (seeded, so every run is the same). */
    private static List<String> longTexts() {
        String rambling = "hi so i bought the japan 7 day plan last week for my trip to osaka and kyoto and at first "
                + "everything was fine in tokyo but since yesterday when we got on the shinkansen the internet just "
                + "stopped, i restarted my iphone like three times, turned airplane mode on and off, checked that the "
                + "esim line is on and that data roaming is on too, my friend has the same plan and hers works fine, "
                + "i also tried to renew because i thought maybe the data ran out but the app says i still have 2gb "
                + "left which is weird, anyway i really need maps to work because we are going to nara tomorrow and "
                + "i do not speak japanese at all, can you please check what is going on with my esim or tell me what "
                + "else to try, also will the leftover data still be there if i top up, thanks so much in advance ";
        String chinese = "你好，我上周买了日本七天的套餐，去大阪和京都玩，一开始在东京一切都正常，但是昨天坐新干线以后就完全上不了网了，"
                + "我重启了三次手机，开关了飞行模式，也检查了数据漫游和 eSIM 线路都是开着的，我朋友买的同样的套餐就没问题，"
                + "我还以为是流量用完了想续费，结果显示还剩 2GB，真的很奇怪，明天要去奈良需要用地图，麻烦帮我看看怎么回事，谢谢！";
        String mixed = "我的 esim 在 Bangkok 不能用 data roaming 已经 on 了 APN 也设置了 還是沒有網路 please help 急 ";
        Random random = new Random(14);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < 1000) {
            for (int i = 3 + random.nextInt(9); i > 0; i--) {
                noise.append((char) ('a' + random.nextInt(26)));
            }
            noise.append(' ');
        }
        return List.of(upTo(rambling), upTo(chinese), upTo(mixed), noise.substring(0, 1000),
                upTo("asdkjh qwe zzxcv 123 !!! ??? ~~~ ... "), upTo("ok ok ok ok ok "));
    }

    private static String upTo(String piece) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 1000) {
            text.append(piece);
        }
        return text.substring(0, 1000);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long liveHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static List<String> texts(String file) throws IOException {
        try (InputStream in = TextUnderstandingBenchmark.class.getResourceAsStream("/understanding/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2)[1]).toList();
        }
    }
}
