package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FreePorts;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Review finding: a screen that fails after the order was placed must not lead to a second order. */
class RetryAfterRenderFailureTest {

    private final AtomicBoolean esimReadsFail = new AtomicBoolean();

    @Test
    void tryAgainAfterAFailedScreenDoesNotPlaceASecondOrder() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi().start(); FakeBotApi unused = new FakeBotApi().start()) {
            // GIVEN billing (the sandbox as its own app) whose webhooks never arrive, reached through a proxy
            Map<String, Object> b = RunningBot.defaults(unused.baseUrl(), TestRedis.uniquePrefix("rr-billing"));
            b.put("sandbox.webhook-url", "http://127.0.0.1:" + FreePorts.find() + "/webhooks/billing");
            b.put("sandbox.webhook-attempts", "1");
            try (RunningBot billing = RunningBot.start(b, null)) {
                HttpServer proxy = proxy(billing.baseUrl());
                Map<String, Object> s = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("rr-bot"));
                RunningBot.billedAt(s, "http://127.0.0.1:" + proxy.getAddress().getPort() + "/sandbox/billing");
                try (RunningBot bot = RunningBot.start(s, null)) {
                    ChatDriver chat = new ChatDriver(telegram, TestUser.english(930_010, "Cy"));
                    chat.orderInEnglish("Peru", "Peru Weekly 3 GB");
                    int mark = chat.mark();
                    new SandboxDriver(billing.baseUrl()).checkout(chat.lastUrlButton(), "declined");
                    chat.awaitMessageSince(mark, Duration.ofSeconds(20)); // declined -> Retry
                    String declinedCheckout = chat.lastUrlButton();
                    // WHEN billing takes the retried order but then fails the eSIM read for the screen
                    esimReadsFail.set(true);
                    int retried = chat.mark();
                    chat.tap("🔁 Try again", false);
                    esimReadsFail.set(false);
                    // THEN the new checkout link still reaches the user, without a claim that nothing happened
                    assertThat(chat.lastUrlButton()).isNotEqualTo(declinedCheckout);
                    assertThat(chat.visibleSince(retried)).noneMatch(c -> c.text().contains("Nothing was changed"));
                    // AND no button offers to place the order again: one declined order and one retry order exist
                    assertThat(telegram.lastMessageTo(chat.user().id()).toString()).doesNotContain("Try again");
                    assertThat(new SandboxDriver(billing.baseUrl()).orders(chat.user().id())).hasSize(2);
                } finally {
                    proxy.stop(0);
                }
            }
        }
    }

    private HttpServer proxy(String target) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> forward(http, target, exchange));
        server.start();
        return server;
    }

    private void forward(HttpClient http, String target, HttpExchange ex) throws java.io.IOException {
        String path = ex.getRequestURI().toString();
        byte[] body = ex.getRequestBody().readAllBytes();
        if (esimReadsFail.get() && ex.getRequestMethod().equals("GET") && path.matches(".*/customers/\\d+/esims/\\d+$")) {
            ex.sendResponseHeaders(503, -1);
            ex.close();
            return;
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(target + path))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : new String[] {"Authorization", "Idempotency-Key", "Content-Type", "Accept"}) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                rb.header(h, v);
            }
        }
        try {
            HttpResponse<byte[]> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            ex.getResponseBody().write(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }
}
