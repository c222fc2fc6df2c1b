package dev.esimbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A sampling profile of one measured mix with Java Flight Recorder (on with {@code -Dbench.profile=true}). It counts
 * the execution samples JFR takes of threads running Java code: by kind of thread, by the parts found anywhere on the
 * stack (a sample counts for each part it passes through), and the hottest methods on top of the stack; samples of
 * threads in native code (socket reads) are only counted. Threads parked on a lock or a future are not sampled at all.
 * The recording is kept as {@code target/profile-<mix>.jfr} for the {@code jfr} tool.
 */
final class Profile {

    /** Parts of the work, recognised by the packages on a sampled stack. */
    private static final Map<String, List<String>> PARTS = parts();

    private final Recording recording;
    private final Path file;

    private Profile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static Profile start(Mix mix, Path directory) throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(2));
        recording.start();
        return new Profile(recording, directory.resolve("profile-" + mix.name().toLowerCase(Locale.ROOT) + ".jfr"));
    }

    /** Stops the recording, keeps it on disk, and adds its summary to the report. */
    void stop(Mix mix, Report report) throws IOException {
        recording.stop();
        Files.createDirectories(file.toAbsolutePath().getParent());
        recording.dump(file);
        recording.close();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> samples = events.stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null).toList();
        long blocked = events.stream().filter(e -> e.getEventType().getName().equals("jdk.NativeMethodSample")).count();
        report.heading("Profile of \"" + mix.title + "\": " + samples.size() + " JFR samples in Java code, " + blocked
                + " in native code such as socket reads (" + file.getFileName() + ")");
        table(report, "thread", top(count(samples, Profile::threadKind), 8), samples.size());
        report.line("");
        table(report, "part on the stack (inclusive)", inclusive(samples), samples.size());
        report.line("");
        table(report, "method on top of the stack", top(count(samples, e -> frameName(e.getStackTrace().getFrames().get(0))), 12), samples.size());
    }

    private static void table(Report report, String what, Map<String, Long> counts, int total) {
        report.line("| " + what + " | share of samples |").line("| --- | ---: |");
        counts.forEach((name, n) -> report.line(String.format(Locale.ROOT, "| %s | %.0f %% |", name, 100.0 * n / Math.max(1, total))));
    }

    private static Map<String, Long> inclusive(List<RecordedEvent> samples) {
        Map<String, Long> counts = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> counts.put(part, 0L));
        for (RecordedEvent sample : samples) {
            List<String> classes = sample.getStackTrace().getFrames().stream().map(f -> f.getMethod().getType().getName()).toList();
            PARTS.forEach((part, prefixes) -> {
                if (classes.stream().anyMatch(c -> prefixes.stream().anyMatch(c::startsWith))) {
                    counts.merge(part, 1L, Long::sum);
                }
            });
        }
        return counts;
    }

    private static Map<String, Long> count(List<RecordedEvent> samples, Function<RecordedEvent, String> key) {
        return samples.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Thread names without their numbers: "chat-worker-3" and "chat-worker-5" are one kind. */
    private static String threadKind(RecordedEvent sample) {
        String name = sample.getThread("sampledThread") == null ? "?" : sample.getThread("sampledThread").getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    private static String frameName(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("Spring Statemachine (+ Reactor)", List.of("org.springframework.statemachine", "reactor."));
        parts.put("Jedis (Redis client)", List.of("redis.clients"));
        parts.put("billing client: java.net.http", List.of("java.net.http", "jdk.internal.net.http"));
        parts.put("sandbox server side: Tomcat + Spring MVC", List.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat", "org.springframework.web"));
        parts.put("JSON: Jackson 2 and 3", List.of("com.fasterxml.jackson", "tools.jackson"));
        parts.put("Telegram client stand-in (Bot API JSON)", List.of("dev.esimbot.bench.NoNetworkTelegramClient"));
        parts.put("texts and screens", List.of("dev.esimbot.i18n", "dev.esimbot.conversation.Screens", "dev.esimbot.conversation.PaymentScreens",
                "dev.esimbot.conversation.Keys", "dev.esimbot.conversation.Words"));
        parts.put("logging", List.of("ch.qos.logback", "org.slf4j"));
        return parts;
    }
}
