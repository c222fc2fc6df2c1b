package dev.esimbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.esimbot.billing.BillingProperties;
import dev.esimbot.sandbox.SandboxIccids;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.io.IOException;
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
import org.slf4j.LoggerFactory;

/**
 * One whole journey (a free-text message, linking an eSIM by its ICCID and one-time code, ordering, paying, the
 * receipt) through the real pipeline, with every log line of the app captured at DEBUG: then the health endpoint,
 * the metrics and the log lines are checked.
 */
class ObservabilityTest {

    private static final String SECRET_TEXT = "my private words about Lima 4711";
    private static final TestUser USER = TestUser.english(930_001, "Olga");

    private static FakeBotApi telegram;
    private static RunningBot bot;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void journey() {
        telegram = new FakeBotApi().start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("ops"));
        settings.put("logging.level.dev.esimbot", "DEBUG");
        bot = RunningBot.start(settings, null);
        logs.start();
        root().addAppender(logs);
        ChatDriver chat = new ChatDriver(telegram, USER);
        chat.send("/start");
        chat.send(SECRET_TEXT);
        chat.tap("➕ Link an eSIM", false);
        chat.send(SandboxIccids.of(USER.id(), SandboxIccids.UNLINKED_BY_CODE));
        chat.send("246810");
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        new SandboxDriver(bot.baseUrl()).checkout(chat.lastUrlButton(), "paid");
        Waits.until("the receipt", Duration.ofSeconds(20), () -> telegram.messagesTo(USER.id()).stream()
                .anyMatch(m -> m.path("text").asText().contains("receipt")));
        root().detachAppender(logs);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void healthShowsRedisBillingAndTelegramUp() {
        String health = get("/actuator/health");
        assertThat(health).contains("\"status\":\"UP\"").contains("\"redis\":{\"status\":\"UP\"")
                .contains("\"billing\":{\"status\":\"UP\"").contains("\"telegram\":{\"status\":\"UP\"");
    }

    @Test
    void prometheusShowsUpdatesTheFunnelPaymentsAndTickets() {
        // The receipt is counted right after it is sent and its mark stored: a busy machine may show the message first
        Waits.until("the receipt counted", Duration.ofSeconds(5), () -> get("/actuator/prometheus")
                .matches("(?s).*bot_journey_total\\{[^}]*step=\"receipt_sent\"[^}]*} [1-9].*"));
        String metrics = get("/actuator/prometheus");
        assertThat(metrics).contains("bot_updates_seconds_bucket{").contains("outcome=\"handled\"")
                .containsPattern("bot_journey_total\\{[^}]*step=\"status_viewed\"[^}]*} [1-9]")
                .containsPattern("bot_journey_total\\{[^}]*step=\"plan_chosen\"[^}]*} [1-9]")
                .containsPattern("bot_journey_total\\{[^}]*step=\"order_created\"[^}]*} [1-9]")
                .containsPattern("bot_journey_total\\{[^}]*step=\"paid\"[^}]*} [1-9]")
                .containsPattern("bot_journey_total\\{[^}]*step=\"receipt_sent\"[^}]*} [1-9]")
                .containsPattern("bot_payments_total\\{[^}]*outcome=\"fulfilled\"[^}]*} [1-9]")
                .contains("bot_support_tickets_open");
    }

    @Test
    void logsCarryIdsButNoMessageTextTokenOrFullIccid() {
        List<String> lines = logs.list.stream().map(ObservabilityTest::line).toList();
        assertThat(lines).as("log lines of the journey").hasSizeGreaterThan(10);
        List<String> secrets = List.of(SECRET_TEXT, "Lima 4711", RunningBot.TOKEN, "TEST-token",
                BillingProperties.SANDBOX_WEBHOOK_SECRET, "Bearer " + BillingProperties.SANDBOX_API_KEY,
                SandboxIccids.of(USER.id(), SandboxIccids.UNLINKED_BY_CODE),
                SandboxIccids.of(USER.id(), SandboxIccids.PERU), SandboxIccids.of(USER.id(), SandboxIccids.GLOBAL));
        for (String secret : secrets) {
            assertThat(lines).as("log lines containing " + secret).noneMatch(line -> line.contains(secret));
        }
        List<ILoggingEvent> workers = logs.list.stream().filter(e -> e.getThreadName().startsWith("chat-lane-")).toList();
        assertThat(workers).as("lines written while updates were handled").isNotEmpty()
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsKeys(UpdateHandling.CHAT, UpdateHandling.UPDATE));
    }

    private static String line(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage();
        return event.getFormattedMessage() + thrown + " " + event.getMDCPropertyMap();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(bot.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
