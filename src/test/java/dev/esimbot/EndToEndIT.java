package dev.esimbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.FreePorts;
import dev.esimbot.testkit.PackagedApp;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started with {@code java -jar}, as production starts it, with its settings in environment
 * variables: a fake Telegram over real HTTP, real Redis, the embedded billing sandbox. Proves what in-JVM tests
 * cannot: the jar's packaging, the real Bot API adapter and URL handling, and start-up refusing bad settings.
 */
class EndToEndIT {

    /** The jar starts in about 5 s on a quiet machine; 50 s were measured on a busy 2-core one. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration RECEIPT = Duration.ofSeconds(20);
    /** Long enough for a second webhook delivery or a retry to show up if one were sent. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private static FakeBotApi telegram;
    private static PackagedApp app;
    private static SandboxDriver sandbox;

    @BeforeAll
    static void startPackagedJar() {
        telegram = new FakeBotApi().start();
        app = PackagedApp.start(FreePorts.find(), settings(RunningBot.TOKEN, TestRedis.url()),
                List.of("--redis.key-prefix=" + TestRedis.uniquePrefix("e2e"), "--telegram.poll-timeout-seconds=1"),
                "e2e-app.log");
        app.awaitHealthy(STARTUP);
        sandbox = new SandboxDriver(app.baseUrl());
    }

    @AfterAll
    static void stopPackagedJar() {
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void englishUserRenewsPaysAndGetsOneReceipt() {
        // GIVEN an English-speaking Telegram user with the sandbox's demo eSIMs
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(810_001, "Alice"));

        // WHEN they renew the Peru eSIM with a weekly plan and pay on the checkout page
        renewPeruWeekly(chat, "🔄 Renew / top up", "✅ Confirm and pay");

        // THEN exactly one English receipt names the one order billing has
        assertOneReceipt(chat, "✅ <b>Payment received — receipt</b>\nOrder: <b>");
    }

    @Test
    void chineseUserRenewsPaysAndGetsOneReceipt() {
        // GIVEN a user whose Telegram speaks Chinese
        ChatDriver chat = new ChatDriver(telegram, TestUser.chinese(820_001, "小王"));

        // WHEN they go through the same journey with the Chinese buttons
        renewPeruWeekly(chat, "🔄 续费 / 充值", "✅ 确认并付款");

        // THEN exactly one Chinese receipt names the one order billing has
        assertOneReceipt(chat, "✅ <b>付款成功 — 收据</b>\n订单号：<b>");
    }

    @Test
    void startupWithMalformedBotTokenStopsWithOneLineNamingIt() {
        // GIVEN the packaged jar with a TELEGRAM_BOT_TOKEN that is not a token
        try (PackagedApp failing = PackagedApp.start(0, settings("not-a-token", TestRedis.url()), List.of(),
                "e2e-bad-token.log")) {

            // WHEN it starts
            int exitCode = failing.awaitExit(STARTUP);

            // THEN it stops with an error code and a short line that names the setting
            assertThat(exitCode).isNotZero();
            assertStopsWithOneClearLine(failing.output(), "TELEGRAM_BOT_TOKEN");
        }
    }

    @Test
    void withATokenTheLocalChatPageDoesNotExist() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/local/index.html", "/local/api/users")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void withoutATokenThePackagedJarStartsInLocalModeAndServesTheChatPage() throws Exception {
        // GIVEN the packaged jar with no TELEGRAM_BOT_TOKEN
        try (PackagedApp local = PackagedApp.start(FreePorts.find(), settings("", TestRedis.url()),
                List.of("--redis.key-prefix=" + TestRedis.uniquePrefix("e2e-local")), "e2e-local.log")) {
            // WHEN it is up
            local.awaitHealthy(STARTUP);
            // THEN it says so in one line, and the chat page is served at /
            assertThat(local.output()).anyMatch(line -> line.contains("LOCAL MODE") && line.contains(local.baseUrl() + "/"));
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(local.baseUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
        }
    }

    @Test
    void startupWithMalformedRedisUrlStopsWithOneLineNamingIt() {
        // GIVEN the packaged jar with a valid token but REDIS_URL that is not a URL
        try (PackagedApp failing = PackagedApp.start(0, settings(RunningBot.TOKEN, "not-a-url"), List.of(),
                "e2e-bad-redis-url.log")) {

            // WHEN it starts
            int exitCode = failing.awaitExit(STARTUP);

            // THEN it stops with an error code and a short line that names the setting
            assertThat(exitCode).isNotZero();
            assertStopsWithOneClearLine(failing.output(), "REDIS_URL");
        }
    }

    private static Map<String, String> settings(String token, String redisUrl) {
        // A confirmed offset read as "handled" by ChatDriver: long polling waits for its batch handled (production: 0s)
        return Map.of("TELEGRAM_BOT_TOKEN", token, "TELEGRAM_API_URL", telegram.baseUrl(), "REDIS_URL", redisUrl,
                "UPDATES_AWAIT_HANDLED", "5s");
    }

    /** /start, the Peru eSIM, Renew, the weekly plan, Confirm, then pays on the page the checkout button opens. */
    private static void renewPeruWeekly(ChatDriver chat, String renew, String confirm) {
        chat.order("Peru 7-Day", renew, "Peru Weekly 3 GB", confirm);
        String checkout = chat.lastUrlButton();
        assertThat(checkout).startsWith(app.baseUrl() + "/sandbox/checkout/");
        sandbox.checkout(checkout, "paid");
    }

    private static void assertOneReceipt(ChatDriver chat, String receiptStart) {
        long user = chat.user().id();
        telegram.awaitCall(c -> isReceipt(c, user, receiptStart), RECEIPT);
        pause(QUIET);
        List<Call> receipts = telegram.calls("sendMessage").stream().filter(c -> isReceipt(c, user, receiptStart)).toList();
        JsonNode orders = sandbox.orders(user);
        assertThat(orders).hasSize(1);
        String orderId = orders.get(0).get("id").asText();
        assertThat(orders.get(0).get("status").asText()).isEqualTo("FULFILLED");
        assertThat(receipts).singleElement().extracting(Call::text).asString()
                .startsWith(receiptStart + orderId + "</b>\n");
    }

    private static boolean isReceipt(Call call, long user, String receiptStart) {
        return call.method().equals("sendMessage") && call.chatId() == user && call.text() != null
                && call.text().startsWith(receiptStart);
    }

    /** One short line names the setting; the reason is not buried in a stack trace or a chain of bean names. */
    private static void assertStopsWithOneClearLine(List<String> output, String setting) {
        assertThat(output).as("output of the failed start").noneMatch(line -> line.startsWith("\tat "));
        assertThat(output).as("output of the failed start")
                .anyMatch(line -> line.contains(setting) && line.length() <= 160);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
