package dev.esimbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esimbot.billing.BillingProperties;
import dev.esimbot.billing.WebhookSigner;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The payment path with every hop real, for fault tests. Billing is the sandbox running as an application of its own
 * (real clock, real HTTP); the bot (one instance, or several on one Redis key prefix, each with its own fake Telegram)
 * calls billing's API through the {@link #billingApi()} proxy, and the sandbox's signed webhooks reach the first
 * instance through the {@link #webhooks()} proxy. It counts what no fault may multiply: orders in billing and
 * receipts in Telegram. Register it as a static {@code @RegisterExtension} field: it starts before the class's tests,
 * resets both proxies after each test and stops after the last, as starting the applications takes seconds.
 */
public final class PaymentStack implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final String RECEIPT_TITLE = "✅ <b>Payment received — receipt</b>";
    public static final String BILLING_API = "/sandbox/billing";
    public static final String ORDERS_PATH = BILLING_API + "/orders";
    public static final String WEBHOOK_PATH = "/webhooks/billing";
    public static final Duration ASYNC = Duration.ofSeconds(20);
    /** Time for a duplicate to show: billing's webhook retries and the bot's replies all come within it here. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final int instances;
    private final Map<String, String> botSettings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final String keyPrefix = TestRedis.uniquePrefix("payments");
    private final List<FakeBotApi> telegrams = new ArrayList<>();
    private final List<RunningBot> bots = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private FaultyBilling billingApi;
    private FaultyBilling webhooks;
    private SandboxDriver sandbox;

    /** Billing and {@code instances} bots; {@code botSettings} override the bots' defaults (timeouts, reconciliation). */
    public PaymentStack(int instances, Map<String, String> botSettings) {
        this.instances = instances;
        this.botSettings = botSettings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            ports.add(FreePorts.find());
        }
        startBilling("http://localhost:" + ports.get(0));
        ports.forEach(this::startBot);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        billingApi.reset();
        webhooks.reset();
    }

    /** Also after a failed start: whatever did start stops. */
    @Override
    public void afterAll(ExtensionContext context) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private void startBilling(String firstBot) {
        webhooks = open(new FaultyBilling(firstBot));
        FakeBotApi unused = open(new FakeBotApi().start()); // the sandbox app's own poller plays no part
        Map<String, Object> settings = RunningBot.defaults(unused.baseUrl(), TestRedis.uniquePrefix("payments-billing"));
        settings.put("billing.api-url", "");
        settings.put("sandbox.webhook-url", webhooks.baseUrl() + WEBHOOK_PATH);
        settings.put("sandbox.webhook-backoff", "100ms");
        RunningBot billing = open(RunningBot.start(settings, null));
        sandbox = new SandboxDriver(billing.baseUrl());
        billingApi = open(new FaultyBilling(billing.baseUrl()));
    }

    private void startBot(int port) {
        FakeBotApi telegram = open(new FakeBotApi().start());
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), keyPrefix);
        settings.put("server.port", Integer.toString(port));
        settings.put("billing.api-url", billingApi.baseUrl() + BILLING_API);
        settings.put("billing.api-key", BillingProperties.SANDBOX_API_KEY);
        settings.put("billing.webhook-secret", BillingProperties.SANDBOX_WEBHOOK_SECRET);
        settings.putAll(botSettings);
        telegrams.add(telegram);
        bots.add(open(RunningBot.start(settings, null)));
    }

    public FaultyBilling billingApi() {
        return billingApi;
    }

    public FaultyBilling webhooks() {
        return webhooks;
    }

    public FakeBotApi telegram(int instance) {
        return telegrams.get(instance);
    }

    /** A user talking to the first instance. */
    public ChatDriver chat(TestUser user) {
        return new ChatDriver(telegrams.get(0), user);
    }

    /** The customer's orders as billing has them now (JSON of the contract), newest first. */
    public JsonNode orders(long customerId) {
        return sandbox.orders(customerId);
    }

    /** The customer's one order; fails when billing has none or several. */
    public JsonNode onlyOrder(long customerId) {
        JsonNode orders = orders(customerId);
        assertThat(orders).as("orders in billing").hasSize(1);
        return orders.get(0);
    }

    /** Waits for the receipt and a quiet moment, then checks the counts no fault may change. */
    public void assertOneOrderAndOneReceipt(long customerId) {
        awaitReceiptThenQuiet(customerId);
        assertThat(orders(customerId)).as("orders in billing").hasSize(1);
        assertThat(receipts(customerId)).as("receipts sent").hasSize(1);
    }

    /** Pays on the checkout page, as the user's browser does. */
    public void pay(String checkoutUrl) {
        sandbox.checkout(checkoutUrl, "paid");
    }

    /** Receipts the chat got, from any instance. */
    public List<Call> receipts(long chatId) {
        return telegrams.stream().flatMap(telegram -> telegram.calls("sendMessage").stream())
                .filter(call -> call.chatId() == chatId && call.text() != null && call.text().startsWith(RECEIPT_TITLE))
                .toList();
    }

    /** The chat's messages as the user sees them now, from every instance. */
    public List<JsonNode> messagesTo(long chatId) {
        return telegrams.stream().flatMap(telegram -> telegram.messagesTo(chatId).stream()).toList();
    }

    /** Waits for the first receipt, then a quiet moment so that a second one would show too. */
    public void awaitReceiptThenQuiet(long chatId) {
        await("a receipt to chat " + chatId, () -> !receipts(chatId).isEmpty());
        quiet();
    }

    public void quiet() {
        Waits.pause(QUIET);
    }

    /** Posts a webhook to the first instance, signed with {@code secret} at {@code signedAt}; returns the status. */
    public int deliverWebhook(byte[] body, String secret, Instant signedAt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bots.get(0).baseUrl() + WEBHOOK_PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSigner.headers(body, secret, signedAt).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the bots keep in Redis. */
    public BotRedis redis() {
        return new BotRedis(keyPrefix);
    }

    public static void await(String what, BooleanSupplier condition) {
        Waits.until(what, ASYNC, condition);
    }

    private <T extends AutoCloseable> T open(T resource) {
        running.push(resource);
        return resource;
    }
}
