package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.conversation.Button;
import dev.esimbot.conversation.Reply;
import dev.esimbot.notices.Delivery;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.FreePorts;
import dev.esimbot.testkit.RunningBot;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** One attempt per notice, and Telegram's answer handed back as it is, over real Bot API HTTP. */
class TelegramNoticeTransportTest {

    private static final Reply NOTICE = new Reply("⏰ <b>Peru 7-Day</b> expires in 3 days",
            List.of(List.of(new Button("Renew now", "renew:1", null))));

    private final FakeBotApi telegram = new FakeBotApi().start();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build();
    private final TelegramNoticeTransport transport = transportTo(telegram.telegramUrl());

    @AfterEach
    void stop() {
        telegram.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void aNoticeGoesOutAsHtmlWithItsButtonsLikeAReply() {
        // WHEN a notice is sent
        Delivery delivery = transport.send(41, NOTICE);

        // THEN Telegram accepted it, as HTML without link preview and with the inline keyboard
        assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
        Call call = telegram.awaitCall("sendMessage", Duration.ofSeconds(1));
        assertThat(call.param("parse_mode")).isEqualTo("HTML");
        assertThat(call.text()).isEqualTo(NOTICE.text());
        assertThat(call.body().path("reply_markup").toString()).contains("Renew now").contains("renew:1");
    }

    @Test
    void tooManyRequestsComesBackWithTelegramsRetryAfterAndIsNotRetriedHere() {
        // GIVEN Telegram answers 429 with retry_after 7
        telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

        // WHEN a notice is sent, THEN the sender learns the 7 seconds, and only one call was made
        Delivery delivery = transport.send(42, NOTICE);
        assertThat(delivery.status()).isEqualTo(Delivery.Status.RETRY_AFTER);
        assertThat(delivery.retryAfterSeconds()).isEqualTo(7);
        assertThat(telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void forbiddenMeansTheUserBlockedTheBot() {
        telegram.blockedBy(43);

        assertThat(transport.send(43, NOTICE).status()).isEqualTo(Delivery.Status.BLOCKED);
    }

    @Test
    void aBadRequestIsFinal() {
        telegram.failNext("sendMessage", 400, "Bad Request: chat not found", null);

        Delivery delivery = transport.send(44, NOTICE);

        assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED_PERMANENT);
        assertThat(delivery.detail()).contains("400").contains("chat not found");
    }

    @Test
    void aServerErrorMayPass() {
        telegram.failNext("sendMessage", 502, "Bad Gateway", null);

        assertThat(transport.send(45, NOTICE).status()).isEqualTo(Delivery.Status.FAILED_TRANSIENT);
    }

    @Test
    void anUnreachableTelegramMayPassAndTheTokenStaysOutOfTheDetail() {
        // GIVEN nothing listens where Telegram should be
        TelegramNoticeTransport nowhere = transportTo(new TelegramUrl("http", "127.0.0.1", FreePorts.find(), false));

        // WHEN a notice is sent, THEN it is worth another try, and the detail names the failure only
        Delivery delivery = nowhere.send(46, NOTICE);
        assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED_TRANSIENT);
        assertThat(delivery.detail()).isNotBlank().doesNotContain(RunningBot.TOKEN);
    }

    private TelegramNoticeTransport transportTo(TelegramUrl url) {
        return new TelegramNoticeTransport(new OkHttpTelegramClient(http, RunningBot.TOKEN, url));
    }
}
