package dev.esimbot.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A local HTTP server standing in for the bot's webhook endpoint; it records every delivery it accepts. */
final class WebhookCapture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    WebhookCapture() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/hooks", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next {@code count} deliveries are answered 500, as a bot that is down would. */
    void refuseNext(int count) {
        refusalsLeft.set(count);
    }

    int refused() {
        return refused.get();
    }

    /** Waits until {@code count} deliveries for the order arrived, and returns them in arrival order. */
    List<Delivery> awaitFor(String orderId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Delivery> found = forOrder(orderId);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        return forOrder(orderId);
    }

    List<Delivery> forOrder(String orderId) {
        return deliveries.stream().filter(d -> orderId.equals(d.json().path("order").path("id").asString()))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (refusalsLeft.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            refused.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
        } else {
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Billing-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Billing-Signature"), body, JSON.readTree(body)));
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    record Delivery(String timestamp, String signature, byte[] body, JsonNode json) {

        String type() {
            return json.path("type").asString();
        }
    }
}
