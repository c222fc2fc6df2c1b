package dev.esimbot.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import redis.embedded.core.ExecutableProvider;

/**
 * One real redis-server (or sentinel) child process on a loopback port, in a temp directory of its own, for the
 * Sentinel and Cluster tests. The binary is the system's {@code /usr/bin/redis-server} when present, else the one the
 * embedded-redis dependency ships (6.2); {@code -Dredis.server=embedded} picks the latter anyway. {@link #kill()} is a SIGKILL, as a crashed host; {@link #close()} also
 * deletes the directory.
 */
public final class RedisProcess implements AutoCloseable {

    private static final Path SYSTEM = Path.of("/usr/bin/redis-server");
    private static String shipped;

    private final int port = FreePorts.find();
    private final Path dir;
    private final List<String> args;
    private Process process;
    private boolean sentinel;

    private RedisProcess(Path dir, List<String> args) {
        this.dir = dir;
        this.args = args;
    }

    /** A server started with {@code --port}, {@code --dir} and these options (e.g. "--cluster-enabled", "yes"). */
    public static RedisProcess server(String... options) {
        return new RedisProcess(tempDir("redis-node"), List.of(options)).start(false);
    }

    /** A sentinel monitoring {@code master} on {@code masterPort}, quorum 2, with short timeouts for tests. */
    public static RedisProcess sentinel(String master, int masterPort, Duration downAfter) {
        Path dir = tempDir("redis-sentinel");
        RedisProcess sentinel = new RedisProcess(dir, List.of());
        String conf = String.join("\n", "port " + sentinel.port, "bind 127.0.0.1", "dir " + dir,
                "sentinel monitor " + master + " 127.0.0.1 " + masterPort + " 2",
                "sentinel down-after-milliseconds " + master + " " + downAfter.toMillis(),
                "sentinel failover-timeout " + master + " 10000", "sentinel parallel-syncs " + master + " 1", "");
        try {
            Files.writeString(dir.resolve("sentinel.conf"), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentinel.start(true);
    }

    public int port() {
        return port;
    }

    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts again on the same port and directory, after {@link #kill()}: it comes back as a crashed host does. */
    public void restart() {
        start(sentinel);
    }

    private RedisProcess start(boolean sentinel) {
        this.sentinel = sentinel;
        List<String> command = new ArrayList<>(List.of(binary()));
        if (sentinel) {
            command.addAll(List.of(dir.resolve("sentinel.conf").toString(), "--sentinel"));
        } else {
            command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                    "--save", "", "--appendonly", "no", "--protected-mode", "no"));
            command.addAll(args);
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        Waits.until("redis on " + port, Duration.ofSeconds(10), () -> RestartableRedis.listening(port));
        return this;
    }

    /** SIGKILL: no shutdown, no last write to disk, as a crashed host. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    private static synchronized String binary() {
        if (Files.isExecutable(SYSTEM) && !"embedded".equals(System.getProperty("redis.server"))) {
            return SYSTEM.toString();
        }
        if (shipped == null) { // extracted once per JVM: each extraction is a temp dir of its own
            try {
                File file = ExecutableProvider.newJarResourceProvider().get();
                file.setExecutable(true);
                shipped = file.getAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shipped;
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
