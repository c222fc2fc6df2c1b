package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.notices.EsimKeys;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Billing took the money but the renewal stays undone. Past the grace period the user hears, once, that it is being
 * completed (never a way to pay again) and staff are alerted; when billing completes it, exactly one receipt follows.
 */
class StalledRenewalTest {

    private static final long STAFF_CHAT = -100_555_000_111L;
    private static final Duration ASYNC = Duration.ofSeconds(20);
    private static final String DELAYED = "⏳ We received your payment for order";
    private static final String RECEIPT = "✅ <b>Payment received — receipt</b>";

    private final FakeBotApi telegram = new FakeBotApi().start();
    private final MutableClock clock = new MutableClock(MutableClock.SCENARIO_TIME);
    private final String prefix = TestRedis.uniquePrefix("stalled");
    private final RunningBot bot = startBot();
    private final SandboxDriver sandbox = new SandboxDriver(bot.baseUrl());

    @AfterEach
    void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void paidRenewalThatStallsIsToldOnceAlertsStaffAndEndsInOneReceipt() throws InterruptedException {
        // GIVEN billing that takes payments but does not apply the renewal until an admin completes it
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(930_001, "Ines"));
        sandbox.reset(chat.user().id(), "demo");
        sandbox.faults(chat.user().id(), "renewal-stalls");
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        String orderId = sandbox.orders(chat.user().id()).get(0).path("id").asText();

        // WHEN the user pays and the order stays paid past the ten-minute grace period
        int paid = chat.mark();
        sandbox.checkout(chat.lastUrlButton(), "paid");
        awaitSeenPaid(orderId);
        clock.advance(Duration.ofMinutes(11));

        // THEN the user is told once that it is being completed, with a person to talk to and no way to pay again
        chat.awaitMessageSince(paid, ASYNC);
        Call delayed = chat.visibleSince(paid).get(0);
        assertThat(delayed.text()).startsWith(DELAYED).contains(orderId);
        assertThat(delayed.body().toString()).contains("Talk to a human").doesNotContain("\"url\"");
        // AND staff are alerted once, with the order and the user
        Call alert = telegram.awaitCall(c -> c.chatId() == STAFF_CHAT, ASYNC);
        assertThat(alert.text()).contains(orderId).contains("930001").doesNotContain(iccidOf(chat));
        // AND no "renew now" reminder goes for that eSIM meanwhile: it was marked covered when first seen paid
        try (UnifiedJedis redis = TestRedis.client()) {
            assertThat(redis.exists(new RedisKeys(prefix).noticeCovered(EsimKeys.of(iccidOf(chat))))).isTrue();
        }

        // WHEN billing's staff complete the renewal
        sandbox.fulfil(orderId);

        // THEN exactly one receipt follows, and the delay and the alert were never repeated
        telegram.awaitCall(c -> c.chatId() == chat.user().id() && c.text() != null && c.text().startsWith(RECEIPT), ASYNC);
        clock.advance(Duration.ofMinutes(30));
        Thread.sleep(2_500); // two more reconciliation passes, time for any repeat to show
        assertThat(messagesStartingWith(chat, RECEIPT)).hasSize(1);
        assertThat(messagesStartingWith(chat, DELAYED)).hasSize(1);
        assertThat(telegram.calls("sendMessage").stream().filter(c -> c.chatId() == STAFF_CHAT)).hasSize(1);
        assertThat(sandbox.orders(chat.user().id())).hasSize(1);
    }

    private RunningBot startBot() {
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
        settings.put("support.chat-id", Long.toString(STAFF_CHAT));
        settings.put("bot.reconcile-every", "1s");
        settings.put("bot.reconcile-max", "1s");
        settings.put("bot.fulfilment-grace", "10m");
        return RunningBot.start(settings, clock);
    }

    /** The paid webhook has been handled when the bot noted the time it first saw the order paid. */
    private void awaitSeenPaid(String orderId) throws InterruptedException {
        String paidAt = new RedisKeys(prefix).pendingOrdersPaidAt();
        long deadline = System.nanoTime() + ASYNC.toNanos();
        try (UnifiedJedis redis = TestRedis.client()) {
            while (redis.hget(paidAt, orderId) == null) {
                assertThat(System.nanoTime()).as("order seen paid in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private String iccidOf(ChatDriver chat) {
        return sandbox.orders(chat.user().id()).get(0).path("iccid").asText();
    }

    private List<Call> messagesStartingWith(ChatDriver chat, String start) {
        return telegram.calls("sendMessage").stream()
                .filter(c -> c.chatId() == chat.user().id() && c.text() != null && c.text().startsWith(start)).toList();
    }
}
