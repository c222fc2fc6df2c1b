package dev.esimbot.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

@Conditional(TelegramMode.BotApi.class)
@Configuration(proxyBeanMethods = false)
class TelegramConfig {

    /**
     * OkHttp allows 5 concurrent requests per host by default, which would queue replies behind each other; both
     * clients raise it to what the workers need.
     */
    /** For getUpdates only: its read timeout must outlast the long poll. */
    @Bean(destroyMethod = "")
    @Qualifier("polling")
    OkHttpClient pollingHttp(TelegramProperties properties) {
        return client(properties, Duration.ofSeconds(properties.pollTimeoutSeconds() + 15L), new ConnectionPool());
    }

    /**
     * For replies: a short read timeout keeps a turn (and the chat lock it holds) short when Telegram stalls. Up to
     * {@code TELEGRAM_MAX_IN_FLIGHT} chats reply at once, each on a connection; that many are kept for reuse (OkHttp
     * keeps 5), so a burst does not open new TLS connections to Telegram over and over.
     */
    @Bean(destroyMethod = "")
    @Qualifier("sending")
    OkHttpClient sendingHttp(TelegramProperties properties) {
        return client(properties, properties.sendTimeout(), new ConnectionPool(properties.maxInFlight(), 5, TimeUnit.MINUTES));
    }

    @Bean
    TelegramClient telegramClient(@Qualifier("sending") OkHttpClient sendingHttp, TelegramProperties properties) {
        return new OkHttpTelegramClient(sendingHttp, properties.botToken(), properties.telegramUrl());
    }

    private static OkHttpClient client(TelegramProperties properties, Duration readTimeout, ConnectionPool connections) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(properties.workers() * 4 + 8);
        dispatcher.setMaxRequestsPerHost(properties.workers() * 4 + 8);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(connections)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(10))
                .build();
    }
}
