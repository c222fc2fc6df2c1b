package dev.esimbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.billing.WebhookSigner;
import dev.esimbot.sandbox.WebhookCapture.Delivery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Orders, idempotency, checkout outcomes and the signed webhooks that follow them. */
class SandboxOrdersTest extends SandboxHttpTest {

    @Test
    void sameKeyAndRequestTwiceMakeOneOrder() throws Exception {
        long customer = newCustomer();
        String body = orderJson(customer, SandboxIccids.of(customer, SandboxIccids.PERU), "pe-7d");

        HttpResponse<String> first = api("POST", "/orders", body, "Idempotency-Key", "k-" + customer);
        HttpResponse<String> second = api("POST", "/orders", body, "Idempotency-Key", "k-" + customer);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(billing.orders(customer, 5)).hasSize(1);
    }

    @Test
    void sameKeyWithAnotherRequestIsRefused() {
        long customer = newCustomer();
        String peru = SandboxIccids.of(customer, SandboxIccids.PERU);
        billing.createOrder(customer, peru, "pe-7d", "k-" + customer);

        assertThatThrownBy(() -> billing.createOrder(customer, peru, "pe-30d", "k-" + customer))
                .isInstanceOfSatisfying(BillingRejectedException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(422);
                    assertThat(ex.code()).isEqualTo("idempotency_mismatch");
                });
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
        long customer = newCustomer();
        String peru = SandboxIccids.of(customer, SandboxIccids.PERU);
        billing.esims(customer);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<String> order = () -> billing.createOrder(customer, peru, "pe-1d", "double-tap").id();
            List<Future<String>> results = pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> order).toList());
            Set<String> ids = ConcurrentHashMap.newKeySet();
            for (Future<String> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(billing.orders(customer, 5)).hasSize(1);
    }

    @Test
    void orderNeedsAPlanOfTheEsimsRegion() {
        long customer = newCustomer();

        assertThatThrownBy(() -> billing.createOrder(customer, SandboxIccids.of(customer, SandboxIccids.PERU),
                "jp-5d", "k-" + customer))
                .isInstanceOfSatisfying(BillingRejectedException.class,
                        ex -> assertThat(ex.code()).isEqualTo("unknown_plan"));
    }

    @Test
    void paidCheckoutFulfilsTheOrderAndSendsTwoSignedWebhooksInOrder() throws Exception {
        // GIVEN an order for the Peru eSIM, valid for 2 days 5 hours with 300 MB left
        long customer = newCustomer();
        String peru = SandboxIccids.of(customer, SandboxIccids.PERU);
        Esim before = billing.esim(customer, peru);
        Order order = billing.createOrder(customer, peru, "pe-7d", "k-" + customer);
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.amount().amountMinor()).isEqualTo(999);
        assertThat(order.checkoutUrl()).isEqualTo("http://localhost:" + port + "/sandbox/checkout/" + order.id());
        // WHEN the customer pays on the checkout page
        HttpResponse<String> page = submit(order, "paid");
        // THEN the order is fulfilled and the eSIM renewed from its old end
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"FULFILLED\"");
        Order fulfilled = billing.order(order.id());
        assertThat(fulfilled.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(fulfilled.newValidUntil()).isEqualTo(before.validUntil().plus(Duration.ofDays(7)));
        Esim after = billing.esim(customer, peru);
        assertThat(after.validUntil()).isEqualTo(fulfilled.newValidUntil());
        assertThat(after.dataLeftMb()).isEqualTo(3072);
        assertThat(after.status()).isEqualTo(EsimStatus.ACTIVE);
        // AND billing told the bot twice, paid before fulfilled, each signed with the sandbox secret
        List<Delivery> deliveries = WEBHOOKS.awaitFor(order.id(), 2);
        assertThat(deliveries).extracting(Delivery::type).containsExactly("order.paid", "order.fulfilled");
        assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.signature()).isEqualTo(
                WebhookSigner.signature(delivery.body(), "sandbox-webhook-secret",
                        Long.parseLong(delivery.timestamp()))));
        assertThat(deliveries.get(1).json().path("order").path("status").asString()).isEqualTo("FULFILLED");
    }

    @Test
    void declinedCheckoutFailsTheOrderOnce() throws Exception {
        long customer = newCustomer();
        Order order = billing.createOrder(customer, SandboxIccids.of(customer, SandboxIccids.GLOBAL), "gl-30d",
                "k-" + customer);

        submit(order, "declined");
        HttpResponse<String> again = submit(order, "paid");

        assertThat(billing.order(order.id()).status()).isEqualTo(OrderStatus.DECLINED);
        assertThat(again.body()).contains("data-status=\"DECLINED\"");
        assertThat(WEBHOOKS.awaitFor(order.id(), 1)).extracting(Delivery::type).containsExactly("order.failed");
    }

    @Test
    void unpaidOrderExpiresAfterTheCheckoutTtl() throws Exception {
        long customer = newCustomer();
        Order order = billing.createOrder(customer, SandboxIccids.of(customer, SandboxIccids.PERU), "pe-1d",
                "k-" + customer);

        clock.advance(Duration.ofMinutes(31));

        assertThat(billing.order(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(submit(order, "paid").body()).contains("data-status=\"EXPIRED\"");
        assertThat(WEBHOOKS.awaitFor(order.id(), 1)).extracting(Delivery::type).containsExactly("order.expired");
    }

    @Test
    void customersOrdersComeNewestFirst() {
        long customer = newCustomer();
        String peru = SandboxIccids.of(customer, SandboxIccids.PERU);
        Order first = billing.createOrder(customer, peru, "pe-1d", "a-" + customer);
        clock.advance(Duration.ofMinutes(1));
        Order second = billing.createOrder(customer, peru, "pe-7d", "b-" + customer);

        assertThat(billing.orders(customer, 5)).extracting(Order::id).containsExactly(second.id(), first.id());
        assertThat(billing.orders(customer, 1)).extracting(Order::id).containsExactly(second.id());
    }

    @Test
    void webhookIsRetriedUntilTheBotAcceptsIt() throws Exception {
        long customer = newCustomer();
        Order order = billing.createOrder(customer, SandboxIccids.of(customer, SandboxIccids.PERU), "pe-1d",
                "k-" + customer);
        int refusedBefore = WEBHOOKS.refused();
        WEBHOOKS.refuseNext(2);

        submit(order, "declined");

        assertThat(WEBHOOKS.awaitFor(order.id(), 1)).extracting(Delivery::type).containsExactly("order.failed");
        assertThat(WEBHOOKS.refused() - refusedBefore).isEqualTo(2);
    }

    private HttpResponse<String> submit(Order order, String outcome) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(order.checkoutUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("outcome=" + outcome + "&lang=en")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String orderJson(long customer, String iccid, String planId) {
        return "{\"customerId\":" + customer + ",\"iccid\":\"" + iccid + "\",\"planId\":\"" + planId + "\"}";
    }
}
