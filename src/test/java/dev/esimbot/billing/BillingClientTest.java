package dev.esimbot.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.billing.FakeBilling.Received;
import dev.esimbot.billing.FakeBilling.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** The client over real HTTP against a local server that injects faults; request counts prove the retry rules. */
class BillingClientTest {

    static final String ESIM = """
            {"iccid":"8985200000000004212","planName":"Peru 7-Day 3 GB","region":"Peru","status":"ACTIVE",
             "dataLeftMb":300,"dataTotalMb":3072,"validUntil":"2030-01-02T03:04:05Z","autoRenew":false,
             "someFieldFromANewerBilling":true}""";
    static final String ORDER = """
            {"id":"ord_1","customerId":42,"iccid":"8985200000000004212","planId":"pe-7d","planName":"Peru Weekly",
             "amount":{"amountMinor":999,"currency":"USD"},"status":"AWAITING_PAYMENT",
             "checkoutUrl":"https://pay.example/ord_1","createdAt":"2030-01-01T00:00:00Z","newValidUntil":null}""";

    FakeBilling billing;
    BillingClient client;

    @BeforeEach
    void start() throws IOException {
        billing = new FakeBilling();
        client = clientFor(billing.url(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        billing.close();
    }

    @Test
    void readsEsimWithBearerKeyAndToleratesUnknownFields() {
        // GIVEN billing knows the eSIM
        billing.then(Reply.json(200, ESIM));
        // WHEN the bot asks for it
        Esim esim = client.esim(42, "8985200000000004212");
        // THEN the answer is mapped and the request was authenticated
        assertThat(esim.status()).isEqualTo(EsimStatus.ACTIVE);
        assertThat(esim.validUntil()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
        assertThat(billing.received()).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/v1/customers/42/esims/8985200000000004212");
            assertThat(request.authorization()).isEqualTo("Bearer test-key");
        });
    }

    @Test
    void callsBeyondTheConcurrencyLimitWaitTheirTurnAndOneWaitingPastTheReadTimeoutFailsWithoutReachingBilling()
            throws Exception {
        // GIVEN one request slot, and billing answering each request in 250 ms (the read timeout is 400 ms)
        BillingClient limited = clientFor(billing.url(), Duration.ofSeconds(2), 1);
        billing.then(Reply.json(200, "[]").after(250));
        // WHEN three users ask at once
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long customer = 40 + i;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return limited.esims(customer);
                } catch (BillingUnavailableException e) {
                    return e;
                }
            }));
            Thread.sleep(20); // in this order
        }
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> call : calls) {
            results.add(call.get(10, TimeUnit.SECONDS));
        }
        // THEN billing saw one at a time; the first two were served in turn, the third waited past 400 ms and was told so
        assertThat(billing.mostAtOnce()).isEqualTo(1);
        assertThat(results.subList(0, 2)).allSatisfy(result -> assertThat(result).isEqualTo(List.of()));
        assertThat(results.get(2)).isInstanceOf(BillingUnavailableException.class);
        assertThat(((Exception) results.get(2)).getMessage()).contains("no request slot");
        assertThat(billing.received()).hasSize(2);
    }

    @Test
    void getIsRetriedAfterReadTimeout() {
        // GIVEN billing first answers too late, then in time
        billing.then(Reply.json(200, ESIM).after(1_500)).then(Reply.json(200, ESIM));
        // WHEN the bot asks for an eSIM
        Esim esim = client.esim(42, "8985200000000004212");
        // THEN it got the answer on the second attempt
        assertThat(esim.iccid()).isEqualTo("8985200000000004212");
        assertThat(billing.received()).hasSize(2);
    }

    @Test
    void serviceUnavailableHonoursRetryAfter() {
        // GIVEN billing asks to come back in one second
        billing.then(Reply.error(503, "maintenance").withHeader("Retry-After", "1")).then(Reply.json(200, "[]"));
        long started = System.nanoTime();
        // WHEN the bot lists eSIMs
        List<Esim> esims = client.esims(42);
        // THEN it waited as asked and then succeeded
        assertThat(esims).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(billing.received()).hasSize(2);
    }

    @Test
    void retryAfterIsCappedAtTheConfiguredMaximum() {
        // GIVEN billing asks to wait a minute, more than the 300 ms cap
        billing.then(Reply.error(429, "rate_limited").withHeader("Retry-After", "60")).then(Reply.json(200, "[]"));
        BillingClient capped = clientFor(billing.url(), Duration.ofMillis(300));
        long started = System.nanoTime();
        // WHEN the bot lists eSIMs
        capped.esims(42);
        // THEN it waited only the cap
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(billing.received()).hasSize(2);
    }

    @Test
    void rateLimitedGetIsRetried() {
        billing.then(Reply.error(429, "rate_limited")).then(Reply.json(200, "[]"));

        assertThat(client.esims(42)).isEmpty();

        assertThat(billing.received()).hasSize(2);
    }

    @Test
    void serverErrorOnEveryAttemptMakesBillingUnavailable() {
        billing.then(Reply.error(500, "boom"));

        assertThatThrownBy(() -> client.esims(42)).isInstanceOf(BillingUnavailableException.class);

        assertThat(billing.received()).hasSize(3);
    }

    @Test
    void refusedConnectionMakesBillingUnavailable() throws IOException {
        // GIVEN nothing listens on the port
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BillingClient offline = clientFor("http://127.0.0.1:" + port, Duration.ofSeconds(2));
        // WHEN / THEN
        assertThatThrownBy(() -> offline.esims(42)).isInstanceOf(BillingUnavailableException.class);
    }

    @Test
    void notFoundIsRejectedWithItsCodeAndNotRetried() {
        billing.then(Reply.error(404, "not_found"));

        assertThatThrownBy(() -> client.esim(42, "89000"))
                .isInstanceOfSatisfying(BillingRejectedException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(404);
                    assertThat(rejected.code()).isEqualTo("not_found");
                });
        assertThat(billing.received()).hasSize(1);
    }

    @Test
    void unprocessableIsNotRetried() {
        billing.then(Reply.error(422, "invalid_code"));

        assertThatThrownBy(() -> client.confirmLink(42, "8985200000000004212", "000000"))
                .isInstanceOfSatisfying(BillingRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("invalid_code"));
        assertThat(billing.received()).hasSize(1);
    }

    @Test
    void tooManyWrongCodesIsARejectionNotARateLimit() {
        billing.then(Reply.error(429, "too_many_attempts"));

        assertThatThrownBy(() -> client.confirmLink(42, "8985200000000004212", "000000"))
                .isInstanceOfSatisfying(BillingRejectedException.class,
                        rejected -> assertThat(rejected.status()).isEqualTo(429));
        assertThat(billing.received()).hasSize(1);
    }

    @Test
    void orderRetriedAfterTimeoutCarriesTheSameIdempotencyKey() {
        // GIVEN the first order request times out (billing may have created the order)
        billing.then(Reply.json(201, ORDER).after(1_500)).then(Reply.json(200, ORDER));
        // WHEN the bot orders
        Order order = client.createOrder(42, "8985200000000004212", "pe-7d", "key-123");
        // THEN the retry repeated the very same key, so billing can answer with the first order
        assertThat(order.id()).isEqualTo("ord_1");
        assertThat(billing.received()).hasSize(2).extracting(Received::idempotencyKey)
                .containsExactly("key-123", "key-123");
        assertThat(billing.received().get(1).body()).contains("\"planId\":\"pe-7d\"");
    }

    @Test
    void plainWriteIsNotRetriedAfterServerError() {
        // GIVEN billing fails while it may have processed the change
        billing.then(Reply.error(500, "boom")).then(Reply.json(200, ESIM));
        // WHEN / THEN the change is not sent again
        assertThatThrownBy(() -> client.setAutoRenew(42, "8985200000000004212", true))
                .isInstanceOf(BillingUnavailableException.class);
        assertThat(billing.received()).hasSize(1);
    }

    @Test
    void plainWriteIsRetriedWhenBillingSaysItProcessedNothing() {
        billing.then(Reply.error(503, "maintenance")).then(Reply.json(200, ESIM));

        assertThat(client.setAutoRenew(42, "8985200000000004212", true).iccid()).isEqualTo("8985200000000004212");

        assertThat(billing.received()).hasSize(2).allSatisfy(request -> assertThat(request.method()).isEqualTo("PUT"));
    }

    @Test
    void expiringSendsTheWindowAndCursor() {
        billing.then(Reply.json(200, "{\"items\":[{\"customerId\":7,\"esim\":" + ESIM + "}],\"nextCursor\":\"c2\"}"));

        ExpiringPage page = client.expiring(Instant.parse("2030-01-01T00:00:00Z"),
                Instant.parse("2030-01-04T00:00:00Z"), "c1", 50);

        assertThat(page.items()).singleElement().extracting(ExpiringEsim::customerId).isEqualTo(7L);
        assertThat(page.nextCursor()).isEqualTo("c2");
        assertThat(billing.received().get(0).uri())
                .isEqualTo("/v1/esims/expiring?from=2030-01-01T00%3A00%3A00Z&to=2030-01-04T00%3A00%3A00Z&limit=50"
                        + "&cursor=c1");
    }

    private static BillingClient clientFor(String url, Duration maxRetryAfter) {
        return clientFor(url, maxRetryAfter, 256);
    }

    private static BillingClient clientFor(String url, Duration maxRetryAfter, int maxConcurrent) {
        BillingProperties properties = new BillingProperties(url, "test-key", "test-secret", Duration.ofMillis(500),
                Duration.ofMillis(400), 3, maxRetryAfter, Duration.ofMillis(20), Duration.ofMinutes(5), maxConcurrent);
        return new BillingClient(properties, new StandardEnvironment(), JsonMapper.builder().build());
    }
}
