package dev.esimbot.conversation;

import static dev.esimbot.testkit.PaymentStack.ASYNC;
import static dev.esimbot.testkit.PaymentStack.ORDERS_PATH;
import static dev.esimbot.testkit.PaymentStack.RECEIPT_TITLE;
import static dev.esimbot.testkit.PaymentStack.WEBHOOK_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.billing.BillingProperties;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.BotRedis;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FaultyBilling;
import dev.esimbot.testkit.PaymentStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults on billing's webhooks. A proxy stands between the billing sandbox (its own application, real HTTP) and the
 * bot's webhook endpoint, so a test can swallow billing's own deliveries and hand their real bodies to the bot twice,
 * out of order, badly signed or too late, or let them through while the turn that creates the order still runs.
 * Sessions live in real Redis. The bot's first reconciliation of an order is a minute away, so only webhooks settle
 * payments here. Create-order faults: {@link PaymentFaultsTest}; a restart after payment: {@link RestartSafetyTest}.
 */
class WebhookFaultsTest {

    private static final String PAID = "order.paid";
    private static final String FULFILLED = "order.fulfilled";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A long read timeout: one test holds billing's create-order answer back while it pays. */
    @RegisterExtension
    static final PaymentStack stack = new PaymentStack(1, Map.of("billing.read-timeout", "10s",
            "bot.reconcile-first", "60s"));

    @Test
    void webhookDeliveredTwiceBringsOneReceipt() {
        // GIVEN a paid order whose webhooks billing sent but the proxy swallowed
        ChatDriver chat = chat(920_101, "Ana");
        Map<String, byte[]> events = payWhileWebhooksAreSwallowed(chat);
        // WHEN each event arrives twice with the same id and body, the two fulfilled ones at the same moment
        assertThat(deliver(events.get(PAID))).isEqualTo(200);
        assertThat(deliver(events.get(PAID))).isEqualTo(200);
        var first = CompletableFuture.supplyAsync(() -> deliver(events.get(FULFILLED)));
        var second = CompletableFuture.supplyAsync(() -> deliver(events.get(FULFILLED)));
        // THEN every copy is acknowledged, so billing stops retrying, and the user gets one receipt
        assertThat(List.of(first.join(), second.join())).containsOnly(200);
        assertOneOrderAndOneReceipt(chat);
    }

    @Test
    void webhookArrivingWhileTheOrderTurnRunsBringsOneReceiptAfterIt() throws InterruptedException {
        // GIVEN a user at the plan summary, and a proxy that holds back billing's answer to the create-order call
        ChatDriver chat = chat(920_102, "Bea");
        chat.toSummary("Peru 7-Day", ChatDriver.RENEW, "Peru Weekly 3 GB");
        FaultyBilling.Hold hold = stack.billingApi().holdAfterForwarding("POST", ORDERS_PATH);
        int taken = stack.redis().webhookEventsTaken();
        int mark = chat.mark();
        // WHEN the user confirms, and while the bot waits for that answer the user pays and billing's webhooks arrive
        ObjectNode confirm = chat.press(ChatDriver.CONFIRM);
        stack.telegram(0).enqueue(confirm);
        hold.awaitArrived(ASYNC);
        stack.pay(onlyOrder(chat).get("checkoutUrl").asText());
        PaymentStack.await("webhooks taken on by the bot", () -> stack.redis().webhookEventsTaken() >= taken + 2);
        assertThat(stack.receipts(chat.user().id())).as("receipts before the turn ended").isEmpty();
        // AND only then billing's answer reaches the bot, which finishes the turn
        hold.release();
        stack.telegram(0).awaitConfirmed(confirm.get("update_id").asLong(), ASYNC);
        // THEN exactly one receipt follows the turn's checkout screen, and the order is no longer waited for
        assertOneOrderAndOneReceipt(chat);
        List<Call> seen = chat.visibleSince(mark);
        assertThat(seen.get(seen.size() - 1).text()).startsWith(RECEIPT_TITLE);
        assertThat(stack.redis().tracked(onlyOrder(chat).get("id").asText())).isFalse();
    }

    @Test
    void fulfilledEventBeforePaidEventBringsOneReceiptAndNoFailure() {
        // GIVEN a paid order whose webhooks billing sent but the proxy swallowed
        ChatDriver chat = chat(920_103, "Cai");
        Map<String, byte[]> events = payWhileWebhooksAreSwallowed(chat);
        int mark = chat.mark();
        // WHEN they reach the bot out of order: fulfilled first, then paid
        assertThat(deliver(events.get(FULFILLED))).isEqualTo(200);
        assertThat(deliver(events.get(PAID))).isEqualTo(200);
        // THEN the user sees the one receipt and nothing else (no decline, no failure)
        assertOneOrderAndOneReceipt(chat);
        assertThat(chat.visibleSince(mark)).extracting(Call::text).singleElement().asString().startsWith(RECEIPT_TITLE);
    }

    @Test
    void lateFailureEventAfterTheReceiptShowsNothing() {
        // GIVEN a user who paid and got the receipt through billing's own webhooks
        ChatDriver chat = chat(920_104, "Dev");
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        stack.pay(chat.lastUrlButton());
        stack.awaitReceiptThenQuiet(chat.user().id());
        int mark = chat.mark();
        // WHEN failed and expired events for that order arrive afterwards
        assertThat(deliver(event("order.failed", onlyOrder(chat), "FAILED"))).isEqualTo(200);
        assertThat(deliver(event("order.expired", onlyOrder(chat), "EXPIRED"))).isEqualTo(200);
        // THEN the user sees nothing new: no failure message, and still the one receipt
        stack.quiet();
        assertThat(chat.visibleSince(mark)).isEmpty();
        assertOneOrderAndOneReceipt(chat);
    }

    @Test
    void badlySignedWebhookIsRefusedAndChangesNothing() {
        // GIVEN a paid order whose webhooks the proxy swallowed, so the bot still waits for its outcome
        ChatDriver chat = chat(920_105, "Eli");
        byte[] fulfilled = payWhileWebhooksAreSwallowed(chat).get(FULFILLED);
        // WHEN billing's real fulfilled event arrives signed with another secret
        // THEN it is refused with 401 and changes nothing, and only the same event signed rightly brings the receipt
        assertRefusedAndHarmless(chat, fulfilled, "not-the-shared-secret", Instant.now());
    }

    @Test
    void staleWebhookIsRefusedAndChangesNothing() {
        // GIVEN a paid order whose webhooks the proxy swallowed, so the bot still waits for its outcome
        ChatDriver chat = chat(920_106, "Fay");
        byte[] fulfilled = payWhileWebhooksAreSwallowed(chat).get(FULFILLED);
        // WHEN billing's real fulfilled event arrives rightly signed, but 6 minutes ago (a replay)
        // THEN it is refused with 401 and changes nothing, and only the same event signed now brings the receipt
        assertRefusedAndHarmless(chat, fulfilled, secret(), Instant.now().minus(Duration.ofMinutes(6)));
    }

    /**
     * Refused means 401 and nothing changed: no receipt, the order still tracked, the session and the taken events as
     * they were. The same body then signed as billing signs it now is taken, so the signature alone was refused.
     */
    private static void assertRefusedAndHarmless(ChatDriver chat, byte[] event, String secret, Instant signedAt) {
        Snapshot before = snapshot(chat);
        assertThat(stack.deliverWebhook(event, secret, signedAt)).isEqualTo(401);
        assertThat(snapshot(chat)).isEqualTo(before);
        assertThat(deliver(event)).isEqualTo(200);
        assertOneOrderAndOneReceipt(chat);
    }

    /** What a refused webhook must not change. */
    private record Snapshot(int receipts, boolean tracked, String session, int webhookEventsTaken) {
    }

    private static Snapshot snapshot(ChatDriver chat) {
        long user = chat.user().id();
        BotRedis redis = stack.redis();
        return new Snapshot(stack.receipts(user).size(), redis.tracked(onlyOrder(chat).get("id").asText()),
                redis.session(user), redis.webhookEventsTaken());
    }

    private static ChatDriver chat(long userId, String name) {
        return stack.chat(TestUser.english(userId, name));
    }

    /** Orders and pays while the proxy answers billing's webhooks itself; returns their bodies by event type. */
    private static Map<String, byte[]> payWhileWebhooksAreSwallowed(ChatDriver chat) {
        stack.webhooks().refuse("POST", WEBHOOK_PATH, 2, 200, Map.of());
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        String orderId = onlyOrder(chat).get("id").asText();
        stack.pay(chat.lastUrlButton());
        Map<String, byte[]> events = new HashMap<>();
        PaymentStack.await("billing's webhooks for " + orderId, () -> {
            stack.webhooks().received("POST", WEBHOOK_PATH).stream().map(FaultyBilling.Received::body)
                    .filter(body -> read(body).path("order").path("id").asText().equals(orderId))
                    .forEach(body -> events.put(read(body).path("type").asText(), body));
            return events.containsKey(PAID) && events.containsKey(FULFILLED);
        });
        return events;
    }

    /** A webhook body for the order as billing has it, in another status, with a fresh event id. */
    private static byte[] event(String type, JsonNode order, String status) {
        ObjectNode event = JSON.createObjectNode().put("id", "evt_test_" + System.nanoTime()).put("type", type)
                .put("createdAt", Instant.now().toString());
        event.set("order", order.deepCopy());
        ((ObjectNode) event.get("order")).put("status", status).putNull("newValidUntil");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int deliver(byte[] body) {
        return stack.deliverWebhook(body, secret(), Instant.now());
    }

    private static String secret() {
        return BillingProperties.SANDBOX_WEBHOOK_SECRET;
    }

    private static JsonNode onlyOrder(ChatDriver chat) {
        return stack.onlyOrder(chat.user().id());
    }

    private static void assertOneOrderAndOneReceipt(ChatDriver chat) {
        stack.assertOneOrderAndOneReceipt(chat.user().id());
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
