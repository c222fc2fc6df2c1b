package dev.esimbot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import redis.embedded.RedisServer;

/**
 * A real redis-server of one test's own (from the embedded-redis dependency) that can be stopped and started again on
 * the same port with the same data: an append-only file fsynced on every write, as a production Redis with
 * {@code appendonly yes} keeps what it acknowledged across a restart. Never the shared test Redis.
 */
public final class RestartableRedis implements AutoCloseable {

    private final int port = FreePorts.find();
    private final Path dir;
    private RedisServer server;

    public RestartableRedis() {
        try {
            dir = Files.createTempDirectory("restartable-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public RestartableRedis start() {
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir).setting("appendonly yes").setting("appendfsync always")
                    .setting("save \"\"").onShutdownForceStop(true).build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Waits.until("redis-server listening on " + port, Duration.ofSeconds(10), this::listening);
        return this;
    }

    /** Stops the server process (its data stays in the append-only file) and waits until the port is closed. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Waits.until("redis-server on " + port + " to stop", Duration.ofSeconds(10), () -> !listening());
    }

    private boolean listening() {
        return listening(port);
    }

    /** Whether something accepts connections on this loopback port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (server != null && server.isActive()) {
            stop();
        }
    }
}
