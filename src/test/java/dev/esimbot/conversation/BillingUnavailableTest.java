package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingUnavailableTest {

    @Test
    void anUnreachableBillingIsToldPlainlyAndTheSessionStaysWhereItWas() throws IOException {
        // GIVEN a bot whose billing API is down (nothing listens on its port)
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FakeBotApi telegram = new FakeBotApi().start()) {
            Map<String, Object> properties = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("billing-down"));
            properties.put("billing.api-url", "http://127.0.0.1:" + closedPort + "/v1");
            properties.put("billing.api-key", "key");
            properties.put("billing.webhook-secret", "secret");
            properties.put("billing.max-attempts", "2");
            try (RunningBot bot = RunningBot.start(properties, null)) {
                ChatDriver chat = new ChatDriver(telegram, TestUser.english(820001, "Eli"));
                // WHEN the user starts, then asks for help (which needs no billing)
                int mark = chat.mark();
                chat.send("/start");
                chat.send("/help");
                // THEN the first answer says billing is down and nothing changed, with a way to try again
                var answers = chat.visibleSince(mark);
                assertThat(answers.get(0).text()).contains("not answering right now").contains("Nothing was changed");
                assertThat(answers.get(0).body().path("reply_markup").toString()).contains("Try again");
                // AND the conversation still works for what does not need billing
                assertThat(answers.get(1).text()).startsWith("<b>Help</b>");
                assertThat(answers).extracting(Call::method).containsOnly("sendMessage");
            }
        }
    }
}
