package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FaultyBilling.Hold;
import dev.esimbot.testkit.PaymentStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chats are handled in parallel, each in order: the whole app (long polling, the update queue, real Redis) against
 * the billing sandbox running apart, reached through a proxy that can hold back billing's answer to one customer.
 */
class ChatsInParallelTest {

    private static final int PARTITIONS = 16;

    /** A read timeout far above the test's waits: the held call must still hang while the other chat is served. */
    @RegisterExtension
    static final PaymentStack stack = new PaymentStack(1, Map.of("billing.read-timeout", "30s"));

    @Test
    void aChatWhoseBillingCallHangsHoldsBackNoOtherChatOfItsPartitionAndEachChatsRepliesKeepTheirOrder() throws Exception {
        // GIVEN two chats of one partition, and billing holding back its answer to the first one's call
        TestUser stuck = TestUser.english(963_000, "Stuck");
        TestUser other = neighbourOf(stuck);
        Hold hold = stack.billingApi().holdAfterForwarding("GET", ".*/customers/" + stuck.id() + "/esims");
        stack.chat(stuck).send("/start");
        hold.awaitArrived(Duration.ofSeconds(20));
        // WHEN the other chat sends three updates meanwhile
        ChatDriver chat = stack.chat(other);
        chat.send("/start");
        chat.send("/help");
        chat.send("/start");
        // THEN it gets the three answers, in the order it sent them, while the first chat's billing call still hangs
        PaymentStack.await("the other chat's three answers", () -> stack.messagesTo(other.id()).size() >= 3);
        List<String> answers = stack.messagesTo(other.id()).stream().map(message -> message.path("text").asText()).toList();
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0)).startsWith("👋 Hi!");
        assertThat(answers.get(1)).startsWith("<b>Help</b>");
        assertThat(answers.get(2)).startsWith("👋 Hi!");
        assertThat(stack.messagesTo(stuck.id())).as("the first chat, still waiting for billing").isEmpty();
        // WHEN billing answers
        hold.release();
        // THEN the first chat gets its answer too
        PaymentStack.await("the first chat's answer", () -> !stack.messagesTo(stuck.id()).isEmpty());
        JsonNode answer = stack.messagesTo(stuck.id()).get(0);
        assertThat(answer.path("text").asText()).startsWith("👋 Hi!");
    }

    private static TestUser neighbourOf(TestUser user) {
        int partition = UpdateStream.partition(user.id(), PARTITIONS);
        for (long id = user.id() + 1; ; id++) {
            if (UpdateStream.partition(id, PARTITIONS) == partition) {
                return TestUser.english(id, "Neighbour");
            }
        }
    }
}
