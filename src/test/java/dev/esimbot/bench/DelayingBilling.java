package dev.esimbot.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Billing as a remote provider looks to the bot: a loopback HTTP server on threads of its own that answers every
 * request after a fixed delay D (and one customer's after a far longer one). The answers are the billing sandbox's
 * own (the contract), fetched from it once per GET path and then replayed, so that after the warm-up the sandbox's CPU
 * is not the bot's; writes always go through. Counts the requests it holds at once.
 */
final class DelayingBilling implements AutoCloseable {

    private static final Set<String> OWN_HEADERS = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "transfer-encoding", "upgrade", "via", "warning");

    private record Answer(int status, String type, byte[] body) {
    }

    private final String target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "delaying-billing");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long delayMillis;
    private volatile String slowCustomer = "";
    private volatile long slowMillis;

    /** @param target the sandbox's API base, e.g. {@code http://localhost:8081} (paths are kept as they came) */
    DelayingBilling(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    /** The customer's requests take {@code millis} instead (0: none is slow). */
    void slowCustomer(long customerId, long millis) {
        slowCustomer = millis > 0 ? "/customers/" + customerId + "/" : "";
        slowMillis = millis;
    }

    /** The most requests held at once since the last call. */
    int takeMostInFlight() {
        return mostInFlight.getAndSet(inFlight.get());
    }

    /** Requests received since the last call. */
    int takeRequests() {
        return requests.getAndSet(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        requests.incrementAndGet();
        long started = System.nanoTime();
        try (exchange) {
            Answer answer = answer(exchange);
            String path = exchange.getRequestURI().getPath();
            long wait = !slowCustomer.isEmpty() && path.contains(slowCustomer) ? slowMillis : delayMillis;
            long left = wait - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                Thread.sleep(left);
            }
            exchange.getResponseHeaders().set("Content-Type", answer.type());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the bot gave up on this request (its read timeout): nobody reads the answer
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"GET".equals(exchange.getRequestMethod())) {
            return forward(exchange, body);
        }
        String key = exchange.getRequestURI().toString();
        Answer known = answers.get(key);
        if (known != null) {
            return known;
        }
        Answer fresh = forward(exchange, body);
        if (fresh.status() == 200) {
            answers.put(key, fresh);
        }
        return fresh;
    }

    private Answer forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!OWN_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
