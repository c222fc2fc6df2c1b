package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FreePorts;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The bot stops between order creation and payment, the user pays and writes to it meanwhile, the bot starts again:
 * the payment ends in exactly one receipt and the message is answered. Billing runs as an application of its own
 * (the sandbox, on the real clock) so it stays up while the bot is down; the bot keeps its port, its Redis keys and
 * its Telegram across the restart, as a redeployed instance does.
 */
class RestartSafetyTest {

    private static final String RECEIPT_TITLE = "✅ <b>Payment received — receipt</b>";
    private static final String GREETING = "👋 Hi!";
    private static final Duration ASYNC = Duration.ofSeconds(20);
    /** Two reconciliation passes (one a second): time for a second receipt to show up if one were sent. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final int botPort = FreePorts.find();
    private final String botPrefix = TestRedis.uniquePrefix("restart-bot");
    private final FakeBotApi telegram = open(new FakeBotApi().start());

    @AfterEach
    void stopEverything() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    @Test
    void paymentWhileTheBotIsDownIsReconciledIntoExactlyOneReceipt() {
        // GIVEN billing whose webhooks give up at the first refusal, so only reconciliation can bring the receipt
        RunningBot billing = startBilling(1, "100ms");
        // AND a user who placed an order and holds the checkout link
        RunningBot bot = startBot(billing, "1s");
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(910_001, "Rita"));
        String checkout = placeOrder(chat);

        // WHEN the bot stops, the user pays and sends /start while it is down, and the bot starts again
        bot.close();
        long sentWhileDown = sendStartWithoutWaiting(chat);
        new SandboxDriver(billing.baseUrl()).checkout(checkout, "paid");
        Waits.pause(Duration.ofMillis(500)); // the sandbox's one delivery attempt hits the closed port
        int restart = chat.mark();
        startBot(billing, "1s");

        // THEN the /start sent while it was down is answered with the greeting after the restart
        telegram.awaitConfirmed(sentWhileDown, ASYNC);
        assertThat(chat.visibleSince(restart)).extracting(Call::text).anyMatch(text -> text.startsWith(GREETING));
        // AND reconciliation, not a webhook, delivers exactly one receipt for the one order
        awaitReceiptThenQuiet(chat);
        assertThat(receipts(chat)).hasSize(1);
        assertThat(new SandboxDriver(billing.baseUrl()).orders(chat.user().id())).hasSize(1);
        assertThat(handledWebhookEvents()).as("webhook events the bot handled").isEmpty();
    }

    @Test
    void webhookRetriedAfterRestartBringsExactlyOneReceipt() {
        // GIVEN billing that keeps retrying its webhooks with backoff (0.2 s, 0.4 s, 0.8 s, ... 6.4 s)
        RunningBot billing = startBilling(7, "200ms");
        // AND a bot whose first reconciliation of an order is a minute away, so only a webhook can settle it here
        RunningBot bot = startBot(billing, "60s");
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(910_002, "Sam"));
        String checkout = placeOrder(chat);

        // WHEN the bot stops, the user pays, and the bot starts again while billing is still retrying
        bot.close();
        new SandboxDriver(billing.baseUrl()).checkout(checkout, "paid");
        startBot(billing, "60s");

        // THEN the retried webhooks (paid, then fulfilled) reach the restarted bot
        awaitHandledWebhookEvents(2);
        // AND the user gets exactly one receipt for the one order
        awaitReceiptThenQuiet(chat);
        assertThat(receipts(chat)).hasSize(1);
        assertThat(new SandboxDriver(billing.baseUrl()).orders(chat.user().id())).hasSize(1);
    }

    /** The billing sandbox as a separate application; its own Telegram poller plays no part. */
    private RunningBot startBilling(int webhookAttempts, String webhookBackoff) {
        FakeBotApi unused = open(new FakeBotApi().start());
        Map<String, Object> settings = RunningBot.defaults(unused.baseUrl(), TestRedis.uniquePrefix("restart-billing"));
        settings.put("billing.api-url", "");
        settings.put("sandbox.webhook-url", "http://localhost:" + botPort + "/webhooks/billing");
        settings.put("sandbox.webhook-attempts", Integer.toString(webhookAttempts));
        settings.put("sandbox.webhook-backoff", webhookBackoff);
        return open(RunningBot.start(settings, null));
    }

    /** The bot on its fixed port with its own Redis keys and Telegram, talking to billing over HTTP. */
    private RunningBot startBot(RunningBot billing, String reconcileFirst) {
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), botPrefix);
        settings.put("server.port", Integer.toString(botPort));
        RunningBot.billedAt(settings, billing.baseUrl() + "/sandbox/billing");
        settings.put("bot.reconcile-every", "1s");
        settings.put("bot.reconcile-first", reconcileFirst);
        return open(RunningBot.start(settings, null));
    }

    private static String placeOrder(ChatDriver chat) {
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        return chat.lastUrlButton();
    }

    /** Enqueues /start as Telegram would while nobody polls, and returns its update id. */
    private long sendStartWithoutWaiting(ChatDriver chat) {
        long id = telegram.nextUpdateId();
        telegram.enqueue(TelegramUpdates.command(id, chat.user(), "/start", null));
        return id;
    }

    private void awaitReceiptThenQuiet(ChatDriver chat) {
        telegram.awaitCall(call -> call.method().equals("sendMessage") && call.chatId() == chat.user().id()
                && isReceipt(call), ASYNC);
        Waits.pause(QUIET);
    }

    private List<Call> receipts(ChatDriver chat) {
        return telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat.user().id() && isReceipt(call)).toList();
    }

    private static boolean isReceipt(Call call) {
        return call.text() != null && call.text().startsWith(RECEIPT_TITLE);
    }

    /** The bot marks every webhook event it handled in Redis; none means webhooks played no part. */
    private List<String> handledWebhookEvents() {
        try (UnifiedJedis redis = TestRedis.client()) {
            return List.copyOf(redis.keys(botPrefix + ":webhook:*"));
        }
    }

    private void awaitHandledWebhookEvents(int count) {
        Waits.until(count + " handled webhook events", ASYNC, () -> handledWebhookEvents().size() >= count);
    }

    private <T extends AutoCloseable> T open(T resource) {
        running.push(resource);
        return resource;
    }
}
