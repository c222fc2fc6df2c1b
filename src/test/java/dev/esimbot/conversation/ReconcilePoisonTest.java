package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FreePorts;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

class ReconcilePoisonTest {

    @Test
    void oneOrderBillingNoLongerKnowsDoesNotStopReconciliationForEveryoneElse() throws Exception {
        String prefix = TestRedis.uniquePrefix("poison");
        try (FakeBotApi telegram = new FakeBotApi().start(); UnifiedJedis redis = TestRedis.client()) {
            // GIVEN a pending order left from an earlier run that billing answers 404 for
            redis.hset(prefix + ":orders:pending:chats", "SBX-1", "930002");
            redis.zadd(prefix + ":orders:pending", 0, "SBX-1");
            // AND billing whose webhooks never reach the bot, so only reconciliation can bring a receipt
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
            settings.put("sandbox.webhook-url", "http://127.0.0.1:" + FreePorts.find() + "/webhooks/billing");
            settings.put("sandbox.webhook-attempts", "1");
            try (RunningBot bot = RunningBot.start(settings, null)) {
                ChatDriver chat = new ChatDriver(telegram, TestUser.english(930_003, "Bo"));
                chat.orderInEnglish("Peru", "Peru Weekly 3 GB");
                // WHEN another user pays
                int mark = chat.mark();
                new SandboxDriver(bot.baseUrl()).checkout(chat.lastUrlButton(), "paid");
                chat.awaitMessageSince(mark, Duration.ofSeconds(20)); // reconcile-first 2 s, then every 1 s
                // THEN that user gets a receipt, and the order billing does not know left the queue
                assertThat(chat.visibleSince(mark)).anyMatch(c -> c.text() != null && c.text().contains("Payment received"));
                assertThat(redis.zscore(prefix + ":orders:pending", "SBX-1")).isNull();
            }
        }
    }
}
