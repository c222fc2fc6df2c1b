package dev.esimbot.sandbox;

import dev.esimbot.billing.BillingProperties;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.WebhookSigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers order events like billing does: signed, asynchronous, retried with backoff on errors and non-2xx, and
 * one order's events strictly one after another (paid before fulfilled) by chaining them per order.
 */
@Component
@ConditionalOnSandbox
class SandboxWebhooks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();
    private final SandboxProperties properties;
    private final SandboxUrls urls;
    private final String secret;
    private final JsonMapper json;
    private final Clock clock;

    SandboxWebhooks(SandboxProperties properties, SandboxUrls urls, BillingProperties billing, JsonMapper json,
            Clock clock) {
        this.properties = properties;
        this.urls = urls;
        this.secret = billing.webhookSecret();
        this.json = json;
        this.clock = clock;
    }

    /** Queues the event behind the order's earlier ones; returns at once. */
    void publish(String type, Order order) {
        Event event = new Event("evt_" + UUID.randomUUID().toString().replace("-", ""), type, clock.instant(), order);
        byte[] body = json.writeValueAsBytes(event);
        CompletableFuture<Void> tail = queues.compute(order.id(), (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                        .thenCompose(ignored -> deliver(event, body, 1)));
        tail.whenComplete((ignored, error) -> queues.remove(order.id(), tail));
    }

    /** Completes (never exceptionally) once delivered or given up, so the order's next event still goes. */
    private CompletableFuture<Void> deliver(Event event, byte[] body, int attempt) {
        CompletableFuture<Boolean> sent;
        try {
            sent = http.sendAsync(request(body), BodyHandlers.discarding())
                    .handle((response, error) -> error == null && response.statusCode() / 100 == 2);
        } catch (RuntimeException ex) { // no port yet, a malformed URL: a failed attempt like any other
            sent = CompletableFuture.completedFuture(false);
        }
        return sent.thenCompose(ok -> ok ? CompletableFuture.completedFuture(null) : retry(event, body, attempt));
    }

    private CompletableFuture<Void> retry(Event event, byte[] body, int attempt) {
        if (attempt >= properties.webhookAttempts()) {
            log.warn("sandbox gave up delivering {} ({}) for order {} after {} attempts", event.id(), event.type(),
                    event.order().id(), attempt);
            return CompletableFuture.completedFuture(null);
        }
        long delay = properties.webhookBackoff().toMillis() << Math.min(attempt - 1, 16);
        var later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor);
        return CompletableFuture.runAsync(() -> { }, later).thenCompose(ignored -> deliver(event, body, attempt + 1));
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(urls.webhook()).timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body));
        WebhookSigner.headers(body, secret, clock.instant()).forEach(builder::header);
        return builder.build();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** The webhook body of the contract. */
    record Event(String id, String type, Instant createdAt, Order order) {
    }
}
