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
import org.springframework.core.io.DefaultResourceLoader;

/**
 * CPU per text and heap of free-text understanding (dev.esimbot.understanding) with the bundled knowledge base: the
 * live heap the index and its analyzers add (after forced GCs, SmartCN's dictionaries included), and the CPU time of
 * the calling thread per {@code understand(text)} (ThreadMXBean), over the labelled phrasings of both languages.
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

        for (int i = 0; i < warmup; i++) {
            texts.forEach(understanding::understand);
        }
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
        String report = String.format(Locale.ROOT, """
                ## Free-text understanding (TextUnderstandingBenchmark)

                | measure | value | target |
                | --- | --- | --- |
                | texts (labelled phrasings, en + zh) x rounds | %d x %d = %d calls (after %d warm-up rounds) | |
                | CPU per text p50 | %.3f ms | |
                | CPU per text p99 | %.3f ms | < 5 ms |
                | CPU per text max | %.3f ms | |
                | live heap added by the index and analyzers | %.1f MB | < 20 MB |
                | start-up: read, check and index the knowledge base | %d ms | |

                JVM %s, %d processors.
                """, texts.size(), rounds, cpu.length, warmup, millis(cpu, 0.50), millis(cpu, 0.99),
                cpu[cpu.length - 1] / 1e6, heap / 1024.0 / 1024.0, buildMs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        String output = System.getProperty("bench.output");
        if (output != null) {
            Files.writeString(Path.of(output), report, StandardCharsets.UTF_8);
        }
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
