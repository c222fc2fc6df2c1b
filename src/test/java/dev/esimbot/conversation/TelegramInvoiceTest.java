package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paying with a native Telegram invoice: the invoice carries the order id and billing's amount, pre-checkout is
 * answered from billing's current state, and the charge is booked with billing once by its charge id, ending in one
 * receipt. Billing is the embedded sandbox over HTTP; Telegram is the fake Bot API.
 */
class TelegramInvoiceTest {

    private static final String PROVIDER_TOKEN = "284685063:TEST:invoice-test-token";
    private static final long STAFF_CHAT = -100_444_000_222L;
    private static final String RECEIPT = "✅ <b>Payment received — receipt</b>";
    private static final Duration ASYNC = Duration.ofSeconds(20);

    private static FakeBotApi telegram;
    private static RunningBot bot;
    private static SandboxDriver sandbox;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("invoices"));
        settings.put("telegram.payment-provider-token", PROVIDER_TOKEN);
        settings.put("support.chat-id", Long.toString(STAFF_CHAT));
        bot = RunningBot.start(settings, null);
        sandbox = new SandboxDriver(bot.baseUrl());
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void invoicePaidInTelegramIsBookedOnceAndEndsInOneReceipt() {
        // GIVEN a user with an open order for Peru Weekly 3 GB ($9.99)
        ChatDriver chat = userWithOpenOrder(940_001, "Olga");
        String orderId = onlyOrderId(chat);

        // WHEN they choose to pay in Telegram
        chat.tap("💳 Pay in Telegram", false);

        // THEN an invoice for exactly that order and billing's amount is sent with the provider token
        JsonNode invoice = telegram.awaitCall(c -> c.method().equals("sendInvoice") && c.chatId() == chat.user().id(),
                ASYNC).body();
        assertThat(invoice.path("payload").asText()).isEqualTo(orderId);
        assertThat(invoice.path("currency").asText()).isEqualTo("USD");
        assertThat(invoice.path("prices").get(0).path("amount").asLong()).isEqualTo(999);
        assertThat(invoice.path("provider_token").asText()).isEqualTo(PROVIDER_TOKEN);

        // WHEN Telegram asks before charging, once with a tampered amount and once with the invoice's
        Call tampered = preCheckout(chat, orderId, 1);
        Call genuine = preCheckout(chat, orderId, 999);

        // THEN only the genuine one may be charged, and the refusal says why in the user's language
        assertThat(tampered.body().path("ok").asBoolean()).isFalse();
        assertThat(tampered.body().path("error_message").asText()).contains("price");
        assertThat(genuine.body().path("ok").asBoolean()).isTrue();

        // WHEN Telegram reports the charge, and then delivers the same charge again in a new update
        chat.deliver(TelegramUpdates.successfulPayment(telegram.nextUpdateId(), chat.user(), orderId, "USD", 999, "tgc-1"));
        awaitReceipt(chat);
        chat.deliver(TelegramUpdates.successfulPayment(telegram.nextUpdateId(), chat.user(), orderId, "USD", 999, "tgc-1"));

        // THEN billing booked one payment for the one order, and the user got exactly one receipt
        pause(Duration.ofSeconds(2));
        assertThat(sandbox.orders(chat.user().id())).hasSize(1);
        assertThat(sandbox.orders(chat.user().id()).get(0).path("status").asText()).isEqualTo("FULFILLED");
        assertThat(receipts(chat)).hasSize(1);
        // AND a later pre-checkout for the paid order is refused, so it cannot be charged twice
        assertThat(preCheckout(chat, orderId, 999).body().path("ok").asBoolean()).isFalse();
    }

    @Test
    void chargeTakenWhileBillingIsDownIsKeptAndBookedWhenBillingIsBack() {
        // GIVEN a user with an open order, and billing that goes down after the pre-checkout said yes
        ChatDriver chat = userWithOpenOrder(940_002, "Pavel");
        String orderId = onlyOrderId(chat);
        assertThat(preCheckout(chat, orderId, 999).body().path("ok").asBoolean()).isTrue();
        sandbox.faults(chat.user().id(), "orders-unavailable");

        // WHEN Telegram reports the charge while billing cannot book it
        int before = telegram.calls("sendMessage").size();
        chat.deliver(TelegramUpdates.successfulPayment(telegram.nextUpdateId(), chat.user(), orderId, "USD", 999, "tgc-2"));

        // THEN the user is told the payment arrived and is being confirmed, and no receipt is sent yet
        List<Call> told = telegram.calls("sendMessage").subList(before, telegram.calls("sendMessage").size());
        assertThat(told).extracting(Call::text).anyMatch(text -> text.startsWith("✅ We received your payment"));
        assertThat(receipts(chat)).isEmpty();

        // WHEN billing is back
        sandbox.faults(chat.user().id());

        // THEN the kept payment is booked on the next pass and ends in exactly one receipt
        awaitReceipt(chat);
        pause(Duration.ofSeconds(2));
        assertThat(receipts(chat)).hasSize(1);
        assertThat(sandbox.orders(chat.user().id())).hasSize(1);
    }

    @Test
    void secondChargeForAPaidOrderIsToldAsARefundAndAlertsStaff() {
        // GIVEN an order already paid on the checkout page
        ChatDriver chat = userWithOpenOrder(940_003, "Rosa");
        String orderId = onlyOrderId(chat);
        sandbox.checkout(chat.lastUrlButton(), "paid");
        awaitReceipt(chat);

        // WHEN Telegram nevertheless reports a charge for it (two invoices paid at once)
        chat.deliver(TelegramUpdates.successfulPayment(telegram.nextUpdateId(), chat.user(), orderId, "USD", 999, "tgc-3"));

        // THEN the user hears the second payment is refunded, staff are alerted, and there is still one receipt
        telegram.awaitCall(c -> c.chatId() == chat.user().id() && c.text() != null
                && c.text().contains("will be refunded"), ASYNC);
        Call alert = telegram.awaitCall(c -> c.chatId() == STAFF_CHAT && c.text().contains("tgc-3"), ASYNC);
        assertThat(alert.text()).contains(orderId).contains("already_paid");
        assertThat(receipts(chat)).hasSize(1);

        // WHEN the same charge's update is delivered again (as after a crash before it was deleted from the queue)
        chat.deliver(TelegramUpdates.successfulPayment(telegram.nextUpdateId(), chat.user(), orderId, "USD", 999, "tgc-3"));
        pause(Duration.ofSeconds(1));
        // THEN neither the user nor staff hear of it twice
        assertThat(telegram.calls("sendMessage").stream().filter(c -> c.chatId() == chat.user().id() && c.text() != null
                && c.text().contains("will be refunded"))).hasSize(1);
        assertThat(telegram.calls("sendMessage").stream().filter(c -> c.chatId() == STAFF_CHAT && c.text() != null
                && c.text().contains("tgc-3"))).hasSize(1);
    }

    private static ChatDriver userWithOpenOrder(long id, String name) {
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(id, name));
        sandbox.reset(id, "demo");
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        return chat;
    }

    private static String onlyOrderId(ChatDriver chat) {
        return sandbox.orders(chat.user().id()).get(0).path("id").asText();
    }

    private static Call preCheckout(ChatDriver chat, String orderId, long total) {
        long updateId = telegram.nextUpdateId();
        String queryId = String.valueOf(5_000_000_000L + updateId);
        chat.deliver(TelegramUpdates.preCheckout(updateId, chat.user(), orderId, "USD", total));
        return telegram.awaitCall(c -> c.method().equals("answerPreCheckoutQuery")
                && queryId.equals(c.body().path("pre_checkout_query_id").asText()), ASYNC);
    }

    private static void awaitReceipt(ChatDriver chat) {
        telegram.awaitCall(c -> c.method().equals("sendMessage") && c.chatId() == chat.user().id()
                && c.text() != null && c.text().startsWith(RECEIPT), ASYNC);
    }

    private static List<Call> receipts(ChatDriver chat) {
        return telegram.calls("sendMessage").stream().filter(c -> c.chatId() == chat.user().id()
                && c.text() != null && c.text().startsWith(RECEIPT)).toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
