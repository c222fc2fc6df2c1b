package dev.esimbot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as its own process with {@code java -jar}, as production runs it: settings through environment
 * variables and command-line arguments, output to a log file. The jar's path comes from the {@code app.jar} system
 * property, which the failsafe plugin sets after {@code package}.
 */
public final class PackagedApp implements AutoCloseable {

    /** Settings of the developer's shell that would otherwise leak into the app under test. */
    private static final List<String> INHERITED_PREFIXES =
            List.of("TELEGRAM_", "REDIS_", "BILLING_", "SANDBOX_", "SUPPORT_", "BOT_", "SESSION_", "SERVER_", "SPRING_", "NOTICES_");
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Path log;
    private final int port;
    private final Thread killOnExit;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        // If the test JVM dies without @AfterAll, the app must not outlive it and keep polling.
        this.killOnExit = new Thread(process::destroyForcibly, "kill-packaged-app");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code java -jar <app.jar> args...} with exactly these settings in the environment plus
     * {@code SERVER_PORT=port}; output goes to {@code target/<logName>}.
     */
    public static PackagedApp start(int port, Map<String, String> env, List<String> args, String logName) {
        Path jar = jar();
        Path log = jar.getParent().resolve(logName);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(jar.getParent().toFile());
        builder.environment().keySet().removeIf(name -> INHERITED_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("NOTICES_SCAN_CRON", "-"); // no notice appears by itself in a test
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            return new PackagedApp(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Polls {@code /actuator/health} until it answers 200; fails at once if the process ends. */
    public void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + " before it was healthy; "
                        + "its output is in " + log + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the app", e);
            }
            sleep(200);
        }
        throw new AssertionError("the app was not healthy within " + timeout + "; its output is in " + log + ":\n"
                + tail());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the app was still running after " + timeout + "; its output is in " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the app to exit", e);
        }
    }

    /** Everything the app printed so far, line by line. */
    public List<String> output() {
        try {
            // Decoded leniently: a malformed byte must not hide the rest of a failure's output.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the app to stop (SIGTERM, a graceful shutdown), and kills it if it has not after a few seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway; nothing left to do
        }
    }

    private String tail() {
        List<String> lines = output();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Path jar() {
        String path = System.getProperty("app.jar");
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("system property app.jar is not set: run this test with ./mvnw verify");
        }
        Path jar = Path.of(path).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar + ": run ./mvnw verify, which packages first");
        }
        return jar;
    }

    /** The same Java that runs the tests. */
    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
