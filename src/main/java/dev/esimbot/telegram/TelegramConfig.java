package dev.esimbot.telegram;

import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

@Configuration(proxyBeanMethods = false)
class TelegramConfig {

    /**
     * One HTTP client for every Bot API call. OkHttp allows 5 concurrent requests per host by default, which would
     * queue replies behind the long poll; raise it to what the workers need.
     */
    @Bean(destroyMethod = "")
    OkHttpClient telegramHttp(TelegramProperties properties) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(properties.workers() * 4 + 8);
        dispatcher.setMaxRequestsPerHost(properties.workers() * 4 + 8);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(properties.pollTimeoutSeconds() + 15L))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    TelegramClient telegramClient(OkHttpClient telegramHttp, TelegramProperties properties) {
        return new OkHttpTelegramClient(telegramHttp, properties.botToken(), properties.telegramUrl());
    }
}
