package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatRenewalTest {

    @Test
    void secondRenewalOfTheSamePlanAfterTheSessionExpiredMakesANewOrder() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi().start()) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("repeat"));
            settings.put("redis.session-ttl", "2s"); // stands in for the 24 h idle expiry
            try (RunningBot bot = RunningBot.start(settings, null)) {
                SandboxDriver billing = new SandboxDriver(bot.baseUrl());
                ChatDriver chat = new ChatDriver(telegram, TestUser.english(930_001, "Ana"));
                // GIVEN a user who renewed Peru Weekly 3 GB and got the receipt
                String first = buy(chat);
                int mark = chat.mark();
                billing.checkout(first, "paid");
                chat.awaitMessageSince(mark, Duration.ofSeconds(20));
                // AND whose session then expired for idleness
                Thread.sleep(3_000);
                // WHEN the user renews the same plan again
                String second = buy(chat);
                // THEN billing made a second order with its own checkout page
                assertThat(billing.orders(chat.user().id())).hasSize(2);
                assertThat(second).isNotEqualTo(first);
            }
        }
    }

    private static String buy(ChatDriver chat) {
        chat.orderInEnglish("Peru", "Peru Weekly 3 GB");
        return chat.lastUrlButton();
    }
}
