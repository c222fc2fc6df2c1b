package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FreePorts;
import dev.esimbot.testkit.PaymentStack;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * An order id that comes back for another order never withholds that order's receipt: not after the app (with its
 * in-app billing sandbox) restarts on the same Redis, and not when a billing of its own hands out an id again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReusedOrderIdTest {

    private static final Duration ASYNC = Duration.ofSeconds(20);
    /** Reconciliation runs every second here: time for a second receipt to show up if one were sent. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final FakeBotApi telegram = open(new FakeBotApi().start());

    @AfterEach
    void stopEverything() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    @Test
    void aRestartOnTheSameRedisStillSendsTheNextUsersReceipt() {
        // GIVEN the app with its in-app billing sandbox on a Redis (and key prefix) that outlives it
        String prefix = TestRedis.uniquePrefix("reused-restart");
        RunningBot app = startLocal(prefix);
        // AND a first user who went all the way to a receipt
        ChatDriver first = new ChatDriver(telegram, TestUser.english(915_001, "Ada"));
        String firstOrder = payAndAwaitReceipt(first, app);

        // WHEN the app stops and starts again on the same Redis, and a second user runs the same journey
        app.close();
        RunningBot restarted = startLocal(prefix);
        ChatDriver second = new ChatDriver(telegram, TestUser.english(915_002, "Ben"));
        String secondOrder = payAndAwaitReceipt(second, restarted);

        // THEN the second user got their receipt, for an order with an id never handed out before the restart
        assertThat(secondOrder).isNotEqualTo(firstOrder);
        Waits.pause(QUIET);
        assertThat(receipts(first)).hasSize(1);
        assertThat(receipts(second)).hasSize(1);
    }

    @Test
    void aReceiptMarkLeftByTheVersionBeforeMarksNamedTheirOwnerDoesNotWithholdTheFirstReceiptAfterTheUpgrade() {
        // GIVEN a Redis holding a bare receipt mark for SBX-100001 set an hour ago, as the previous version wrote it
        String prefix = TestRedis.uniquePrefix("reused-upgrade");
        try (UnifiedJedis redis = TestRedis.client()) {
            long setAnHourAgo = Duration.ofDays(90).minus(Duration.ofHours(1)).toSeconds();
            redis.set(prefix + ":order:SBX-100001:receipt", "sent", SetParams.setParams().ex(setAnHourAgo));
        }

        // WHEN the new version starts on it and its sandbox's first order, SBX-100001 again, is paid
        RunningBot app = startLocal(prefix);
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(915_021, "Eve"));
        String order = payAndAwaitReceipt(chat, app);

        // THEN the user got the receipt: the old mark predates the order, so it is not this order's
        assertThat(order).isEqualTo("SBX-100001");
        Waits.pause(QUIET);
        assertThat(receipts(chat)).hasSize(1);
    }

    @Test
    void billingThatReusesAnOrderIdForAnotherChatStillGetsThatChatItsReceipt(CapturedOutput output) {
        // GIVEN a bot whose billing (the sandbox as an application of its own) numbers its orders afresh when it is
        // started on an empty store, and a first user with a receipt for its first order
        int botPort = FreePorts.find();
        int billingPort = FreePorts.find();
        RunningBot billing = startBilling(billingPort, botPort);
        startBot(botPort, billing);
        ChatDriver first = new ChatDriver(telegram, TestUser.english(915_011, "Cleo"));
        String firstOrder = payAndAwaitReceipt(first, billing);

        // WHEN billing restarts on an empty store and hands the same order id to another chat's order
        billing.close();
        RunningBot freshBilling = startBilling(billingPort, botPort);
        ChatDriver second = new ChatDriver(telegram, TestUser.english(915_012, "Dan"));
        String secondOrder = payAndAwaitReceipt(second, freshBilling);

        // THEN that chat gets its receipt for the reused id, once, and the first user is not told again
        assertThat(secondOrder).isEqualTo(firstOrder);
        Waits.pause(QUIET);
        assertThat(receipts(second)).hasSize(1);
        assertThat(receipts(first)).hasSize(1);
        // AND the reuse is logged as the anomaly it is
        assertThat(output.getOut())
                .contains("order=" + secondOrder + ": its receipt mark belongs to another order with the same id (chat 915011)");
    }

    /** Runs /start, eSIM, Renew, plan, Confirm, pays on the sandbox's checkout page; returns the receipt's order id. */
    private String payAndAwaitReceipt(ChatDriver chat, RunningBot sandboxHost) {
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        String checkout = chat.lastUrlButton();
        new SandboxDriver(sandboxHost.baseUrl()).checkout(checkout, "paid");
        telegram.awaitCall(call -> call.method().equals("sendMessage")
                && call.chatId() == chat.user().id() && isReceipt(call), ASYNC);
        return checkout.substring(checkout.lastIndexOf('/') + 1);
    }

    private RunningBot startLocal(String prefix) {
        return open(RunningBot.start(RunningBot.defaults(telegram.baseUrl(), prefix), null));
    }

    /** The billing sandbox on a key prefix of its own each start: a store that starts empty. */
    private RunningBot startBilling(int port, int botPort) {
        FakeBotApi unused = open(new FakeBotApi().start());
        Map<String, Object> settings = RunningBot.defaults(unused.baseUrl(), TestRedis.uniquePrefix("reused-billing"));
        settings.put("server.port", Integer.toString(port));
        settings.put("billing.api-url", "");
        settings.put("sandbox.webhook-url", "http://localhost:" + botPort + "/webhooks/billing");
        return open(RunningBot.start(settings, null));
    }

    private RunningBot startBot(int port, RunningBot billing) {
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("reused-bot"));
        settings.put("server.port", Integer.toString(port));
        RunningBot.billedAt(settings, billing.baseUrl() + PaymentStack.BILLING_API);
        return open(RunningBot.start(settings, null));
    }

    private List<Call> receipts(ChatDriver chat) {
        return telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat.user().id() && isReceipt(call)).toList();
    }

    private static boolean isReceipt(Call call) {
        return call.text() != null && call.text().startsWith(PaymentStack.RECEIPT_TITLE);
    }

    private <T extends AutoCloseable> T open(T resource) {
        running.push(resource);
        return resource;
    }
}
