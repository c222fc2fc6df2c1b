package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.FaultyBilling.Hold;
import dev.esimbot.testkit.PaymentStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Long polling with its production pace (UPDATES_AWAIT_HANDLED=0s, where the other tests wait 5 s): a batch is
 * confirmed once stored, so a chat stuck on billing does not hold back the next getUpdates, nor the chats in it.
 */
class PollingPaceTest {

    /** A read timeout far above the test's waits: the held call must still hang while the other chat is served. */
    @RegisterExtension
    static final PaymentStack stack = new PaymentStack(1, Map.of("billing.read-timeout", "30s",
            "updates.await-handled", "0s"));

    @Test
    void aChatWhoseBillingCallHangsDoesNotDelayTheNextBatchsChatInLongPolling() throws Exception {
        // GIVEN billing holding back its answer to one chat's call, its update just taken by getUpdates
        TestUser stuck = TestUser.english(964_000, "Stuck");
        TestUser other = TestUser.english(964_001, "Other");
        Hold hold = stack.billingApi().holdAfterForwarding("GET", ".*/customers/" + stuck.id() + "/esims");
        stack.telegram(0).enqueue(TelegramUpdates.command(stack.telegram(0).nextUpdateId(), stuck, "/start", null));
        hold.awaitArrived(Duration.ofSeconds(20));
        // WHEN another chat sends /start, in a later getUpdates batch
        long sent = System.nanoTime();
        stack.chat(other).send("/start");
        PaymentStack.await("the other chat's answer", () -> !stack.messagesTo(other.id()).isEmpty());
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        // THEN it is answered without waiting for the stuck chat's batch to be handled (which took 5 s before), and
        // the stuck chat is still waiting
        assertThat(took).as("the other chat's reply, from its update sent").isLessThan(Duration.ofMillis(1_500));
        assertThat(stack.messagesTo(other.id()).get(0).path("text").asText()).startsWith("👋 Hi!");
        assertThat(stack.messagesTo(stuck.id())).isEmpty();
        hold.release();
        PaymentStack.await("the stuck chat's answer", () -> !stack.messagesTo(stuck.id()).isEmpty());
    }
}
