package dev.esimbot.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A real HTTP proxy on 127.0.0.1 that forwards every request to billing (or, on billing's webhook wire, to the bot)
 * and injects scripted faults into the next N requests that match a method and a path regex. The faults are the ones
 * a payment must survive without charging twice, and which a fake server that never processes anything cannot show:
 * an error with nothing processed, an error although billing did process the request, an answer that comes after the
 * client's timeout, and an answer held back until the test lets it go. It records every request it got.
 */
public final class FaultyBilling implements AutoCloseable {

    private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);
    /** Headers the JDK client sets itself and refuses to take from us. */
    private static final Set<String> OWN_HEADERS = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "transfer-encoding", "upgrade", "via", "warning");

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** @param target where requests go, e.g. {@code http://localhost:8081} (the path is kept as it came) */
    public FaultyBilling(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("no local port for the billing proxy", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next {@code times} matching requests with this status and headers, forwarding nothing. */
    public void refuse(String method, String path, int times, int status, Map<String, String> headers) {
        faults.add(new Fault(method, path, times, false, status, headers, Duration.ZERO, null));
    }

    /** Forwards the next {@code times} matching requests, then answers this status instead of billing's answer. */
    public void failAfterForwarding(String method, String path, int times, int status) {
        faults.add(new Fault(method, path, times, true, status, Map.of(), Duration.ZERO, null));
    }

    /** Forwards the next {@code times} matching requests and passes the answer on only after {@code delay}. */
    public void delayAfterForwarding(String method, String path, int times, Duration delay) {
        faults.add(new Fault(method, path, times, true, 0, Map.of(), delay, null));
    }

    /** Forwards the next matching request and holds its answer until {@link Hold#release()}. */
    public Hold holdAfterForwarding(String method, String path) {
        Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
        faults.add(new Fault(method, path, 1, true, 0, Map.of(), Duration.ZERO, hold));
        return hold;
    }

    /** Drops the faults not used up yet, lets held answers go and forgets the requests: as new for the next test. */
    public void reset() {
        faults.forEach(Fault::release);
        faults.clear();
        received.clear();
    }

    /** The requests that matched so far, in order of arrival. */
    public List<Received> received(String method, String path) {
        Pattern pattern = Pattern.compile(path);
        return received.stream().filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches()).toList();
    }

    public int count(String method, String path) {
        return received(method, path).size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestBody().readAllBytes(), Instant.now());
            received.add(request);
            Fault fault = faults.stream().filter(f -> f.takeIfMatches(request)).findFirst().orElse(null);
            Answer answer = fault == null || fault.forward() ? forward(exchange, request) : null;
            if (fault != null) {
                answer = fault.apply(answer);
            }
            send(exchange, answer);
        } catch (IOException | InterruptedException e) {
            // the client gave up (a timeout fault) or the test ended: nobody reads this answer any more
        }
    }

    private Answer forward(HttpExchange exchange, Received request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!OWN_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("application/json");
        return new Answer(response.statusCode(), Map.of("Content-Type", type), response.body());
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        exchange.getResponseBody().write(answer.body());
    }

    @Override
    public void close() {
        reset();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request as it arrived; {@code path} without the query. */
    public record Received(String method, String path, byte[] body, Instant at) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer held back: the test waits until billing has the request, does its part, then lets the answer go. */
    public record Hold(CountDownLatch arrived, CountDownLatch released) {

        public void awaitArrived(Duration timeout) throws InterruptedException {
            if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the held request did not arrive within " + timeout);
            }
        }

        public void release() {
            released.countDown();
        }
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer injected(int status, Map<String, String> headers) {
            byte[] body = ("{\"code\":\"injected_" + status + "\",\"message\":\"injected by the test proxy\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> all = new HashMap<>(headers);
            all.put("Content-Type", "application/json");
            return new Answer(status, all, body);
        }
    }

    private record Fault(String method, Pattern path, AtomicInteger left, boolean forward, int status,
            Map<String, String> headers, Duration delay, Hold hold) {

        Fault(String method, String path, int times, boolean forward, int status, Map<String, String> headers,
                Duration delay, Hold hold) {
            this(method, Pattern.compile(path), new AtomicInteger(times), forward, status, headers, delay, hold);
        }

        boolean takeIfMatches(Received request) {
            return request.method().equals(method) && path.matcher(request.path()).matches()
                    && left.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
        }

        /** What the client gets instead of (or after) billing's answer. */
        Answer apply(Answer forwarded) throws InterruptedException {
            if (hold != null) {
                hold.arrived().countDown();
                hold.released().await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            }
            Thread.sleep(delay.toMillis());
            return status == 0 ? forwarded : Answer.injected(status, headers);
        }

        void release() {
            if (hold != null) {
                hold.release();
            }
        }
    }
}
