package dev.esimbot.billing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP server that plays billing from a script of replies, one per request, and records what it got.
 * When the script runs out it repeats the last reply.
 */
final class FakeBilling implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply last = Reply.json(200, "{}");
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    FakeBilling() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeBilling then(Reply reply) {
        script.add(reply);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The most requests it was answering at the same time. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostAtOnce.accumulateAndGet(active.incrementAndGet(), Math::max);
        try {
            answer(exchange);
        } finally {
            active.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), new String(body, StandardCharsets.UTF_8)));
        Reply reply = script.poll();
        if (reply == null) {
            reply = last;
        }
        last = reply;
        try {
            Thread.sleep(reply.delayMillis());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException | IOException ex) {
            // the client gave up on this request (a timeout test): nobody reads the answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    record Reply(int status, String body, Map<String, String> headers, long delayMillis) {

        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        static Reply error(int status, String code) {
            return json(status, "{\"code\":\"" + code + "\",\"message\":\"scripted\"}");
        }

        Reply withHeader(String name, String value) {
            return new Reply(status, body, Map.of(name, value), delayMillis);
        }

        Reply after(long millis) {
            return new Reply(status, body, headers, millis);
        }
    }

    record Received(String method, String uri, String authorization, String idempotencyKey, String body) {
    }
}
