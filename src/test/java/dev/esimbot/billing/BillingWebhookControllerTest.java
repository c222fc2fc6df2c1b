package dev.esimbot.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** The webhook receiver over real HTTP in a context of the billing package alone. */
@ExtendWith(SpringExtension.class) // named directly so Boot's test filter keeps App out of other tests' scans
@SpringBootTest(classes = BillingWebhookControllerTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"billing.api-url=https://billing.invalid", "billing.api-key=k",
                "billing.webhook-secret=test-webhook-secret"})
class BillingWebhookControllerTest {

    static final String SECRET = "test-webhook-secret";
    static final String EVENT = """
            {"id":"evt_1","type":"order.paid","createdAt":"2030-01-01T00:00:00Z","unknownField":1,
             "order":{"id":"ord_1","customerId":42,"iccid":"8985200000000004212","planId":"pe-7d",
              "planName":"Peru Weekly 3 GB","amount":{"amountMinor":999,"currency":"USD"},"status":"PAID",
              "checkoutUrl":"https://pay.example/ord_1","createdAt":"2030-01-01T00:00:00Z","newValidUntil":null}}""";

    @Value("${local.server.port}")
    int port;
    @Autowired
    Listener listener;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        listener.events.clear();
        listener.failing = false;
    }

    @Test
    void signedEventIsPublishedBeforeTheAcknowledgement() throws Exception {
        // GIVEN a correctly signed event WHEN billing posts it
        HttpResponse<String> response = post(EVENT, WebhookSigner.headers(bytes(EVENT), SECRET, Instant.now()));
        // THEN the listener saw it before the 200
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(listener.events).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("evt_1");
            assertThat(event.type()).isEqualTo(BillingEventReceived.ORDER_PAID);
            assertThat(event.order().status()).isEqualTo(OrderStatus.PAID);
            assertThat(event.order().amount()).isEqualTo(new Money(999, "USD"));
        });
    }

    @Test
    void badSignatureIsUnauthorizedAndPublishesNothing() throws Exception {
        HttpResponse<String> response = post(EVENT,
                WebhookSigner.headers(bytes(EVENT), "not-the-secret", Instant.now()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void missingSignatureIsUnauthorized() throws Exception {
        assertThat(post(EVENT, Map.of()).statusCode()).isEqualTo(401);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void staleTimestampIsUnauthorized() throws Exception {
        Instant sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6));

        assertThat(post(EVENT, WebhookSigner.headers(bytes(EVENT), SECRET, sixMinutesAgo)).statusCode())
                .isEqualTo(401);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void malformedBodyIsBadRequest() throws Exception {
        String body = "{\"id\":";

        assertThat(post(body, WebhookSigner.headers(bytes(body), SECRET, Instant.now())).statusCode())
                .isEqualTo(400);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void unknownEventTypeIsBadRequest() throws Exception {
        String body = EVENT.replace("order.paid", "order.teleported");

        assertThat(post(body, WebhookSigner.headers(bytes(body), SECRET, Instant.now())).statusCode())
                .isEqualTo(400);
    }

    @Test
    void listenerFailureAnswers500SoBillingRetries() throws Exception {
        listener.failing = true;

        assertThat(post(EVENT, WebhookSigner.headers(bytes(EVENT), SECRET, Instant.now())).statusCode())
                .isEqualTo(500);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/billing"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = BillingClient.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @ConfigurationPropertiesScan(basePackageClasses = BillingClient.class)
    static class App {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    static class Listener {

        final List<BillingEventReceived> events = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        @EventListener
        void on(BillingEventReceived event) {
            if (failing) {
                throw new IllegalStateException("listener down");
            }
            events.add(event);
        }
    }
}
