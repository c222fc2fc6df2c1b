package dev.esimbot.conversation;

import static dev.esimbot.testkit.PaymentStack.ORDERS_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FaultyBilling;
import dev.esimbot.testkit.PaymentStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults on billing's create-order call, injected by a proxy between the bot and the billing sandbox (its own
 * application, reached over real HTTP; sessions in real Redis): whatever the wire does, the user ends with one order
 * in billing and one receipt. The bot waits 1 s for an answer and makes 3 attempts. Its first reconciliation of an
 * order is a minute away, so only billing's webhooks settle payments here.
 *
 * <p>The other fault tests: {@link WebhookFaultsTest} (webhooks twice, out of order, badly signed, stale, or while
 * the order's turn is still running), {@link TwoInstancesTest} (one update on two instances) and
 * {@link RestartSafetyTest} (the bot stopped after the payment and started again: reconciliation brings the receipt).
 */
class PaymentFaultsTest {

    @RegisterExtension
    static final PaymentStack stack = new PaymentStack(1, Map.of("billing.read-timeout", "1s",
            "billing.max-attempts", "3", "billing.retry-backoff", "50ms", "bot.reconcile-first", "60s"));

    @Test
    void createOrderTimingOutIsRetriedIntoOneOrder() {
        // GIVEN billing that creates the order but answers only after the bot stopped waiting
        billing().delayAfterForwarding("POST", ORDERS_PATH, 1, Duration.ofMillis(1500));
        // WHEN the user confirms a plan and pays on the checkout page the bot shows
        ChatDriver chat = orderAndPay(920_001, "Tia");
        // THEN the bot asked again and got back the order billing had made: one order, one receipt
        assertThat(billing().count("POST", ORDERS_PATH)).isEqualTo(2);
        assertOneOrderAndOneReceipt(chat);
    }

    @Test
    void createOrderTimingOutOnEveryAttemptThenTriedAgainByTheUserMakesOneOrder() {
        // GIVEN billing that creates the order but answers every one of the bot's 3 attempts too late
        billing().delayAfterForwarding("POST", ORDERS_PATH, 3, Duration.ofMillis(1500));
        ChatDriver chat = stack.chat(TestUser.english(920_005, "Xia"));
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        // WHEN the user taps Try again on the failure the bot showed, then pays
        chat.tap("🔁 Try again", false);
        stack.pay(chat.lastUrlButton());
        // THEN the fourth call got the order the first one made: one order, one receipt
        assertThat(billing().count("POST", ORDERS_PATH)).isEqualTo(4);
        assertOneOrderAndOneReceipt(chat);
    }

    @Test
    void createOrderAnswered500AfterBillingProcessedItIsRetriedIntoOneOrder() {
        // GIVEN billing that creates the order and then answers 500
        billing().failAfterForwarding("POST", ORDERS_PATH, 1, 500);
        // WHEN the user confirms a plan and pays
        ChatDriver chat = orderAndPay(920_002, "Uma");
        // THEN the retry found the order the first request made: one order, one receipt
        assertThat(billing().count("POST", ORDERS_PATH)).isEqualTo(2);
        assertOneOrderAndOneReceipt(chat);
    }

    @Test
    void createOrderAnswered500WithoutProcessingIsRetriedIntoOneOrder() {
        // GIVEN billing that answers 500 without creating anything
        billing().refuse("POST", ORDERS_PATH, 1, 500, Map.of());
        // WHEN the user confirms a plan and pays
        ChatDriver chat = orderAndPay(920_003, "Vic");
        // THEN the retry made the one order: one order, one receipt
        assertThat(billing().count("POST", ORDERS_PATH)).isEqualTo(2);
        assertOneOrderAndOneReceipt(chat);
    }

    @Test
    void createOrderThrottledWithRetryAfterWaitsThenMakesOneOrder() {
        // GIVEN billing that refuses the first create-order call with 429 and Retry-After: 1
        billing().refuse("POST", ORDERS_PATH, 1, 429, Map.of("Retry-After", "1"));
        // WHEN the user confirms a plan and pays
        ChatDriver chat = orderAndPay(920_004, "Wes");
        // THEN the bot waited the second billing asked for before it tried again
        List<FaultyBilling.Received> calls = billing().received("POST", ORDERS_PATH);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        // AND there is one order and one receipt
        assertOneOrderAndOneReceipt(chat);
    }

    private static FaultyBilling billing() {
        return stack.billingApi();
    }

    /** Orders Peru Weekly for the Peru eSIM and pays on the link the bot gave. */
    private static ChatDriver orderAndPay(long userId, String name) {
        ChatDriver chat = stack.chat(TestUser.english(userId, name));
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        stack.pay(chat.lastUrlButton());
        return chat;
    }

    private static void assertOneOrderAndOneReceipt(ChatDriver chat) {
        long user = chat.user().id();
        stack.assertOneOrderAndOneReceipt(user);
        assertThat(chat.lastUrlButton()).as("the checkout link the user got")
                .isEqualTo(stack.onlyOrder(user).get("checkoutUrl").asText());
    }
}
