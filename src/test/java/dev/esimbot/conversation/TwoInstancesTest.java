package dev.esimbot.conversation;

import static dev.esimbot.testkit.PaymentStack.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.PaymentStack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of the bot on one Redis key prefix, each polling a Telegram of its own, get the same "Confirm and
 * pay" update (same update_id), as when Telegram delivers an update again to another instance behind a load
 * balancer, or two pollers overlap during a redeploy.
 * Billing is the sandbox application over real HTTP; its webhooks go to the first instance, and both instances
 * reconcile open orders from the first second on, so every way to a receipt runs at once. Other faults:
 * {@link PaymentFaultsTest}, {@link WebhookFaultsTest}, {@link RestartSafetyTest}.
 */
class TwoInstancesTest {

    @RegisterExtension
    static final PaymentStack stack = new PaymentStack(2, Map.of("bot.reconcile-first", "1s"));

    @Test
    void sameConfirmUpdateOnTwoInstancesMakesOneOrderAndOneReceipt() {
        // GIVEN two instances on one Redis, and a user at the plan summary (reached through the first instance)
        ChatDriver chat = stack.chat(TestUser.english(920_201, "Gus"));
        long user = chat.user().id();
        chat.toSummary("Peru 7-Day", ChatDriver.RENEW, "Peru Weekly 3 GB");
        // WHEN the same Confirm update reaches both instances at once
        ObjectNode confirm = chat.press(ChatDriver.CONFIRM);
        stack.telegram(0).enqueue(confirm);
        stack.telegram(1).enqueue(confirm.deepCopy());
        stack.telegram(0).awaitConfirmed(confirm.get("update_id").asLong(), ASYNC);
        stack.telegram(1).awaitConfirmed(confirm.get("update_id").asLong(), ASYNC);
        // THEN billing has one order, and the chat shows its checkout link once
        String checkout = stack.onlyOrder(user).get("checkoutUrl").asText();
        assertThat(stack.messagesTo(user)).as("messages with the checkout link")
                .filteredOn(message -> message.path("reply_markup").toString().contains(checkout)).hasSize(1);
        // WHEN the user pays
        stack.pay(checkout);
        // THEN exactly one receipt comes, from whichever instance and path got there first
        stack.assertOneOrderAndOneReceipt(user);
    }
}
