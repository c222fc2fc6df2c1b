package dev.esimbot.testkit;

import dev.esimbot.EsimBotApplication;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started in this JVM as it starts in production, with Telegram pointed at a fake Bot API,
 * real Redis, and optionally a test clock. Several can run side by side (two instances, a separate billing sandbox).
 */
public final class RunningBot implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api";

    private final ConfigurableApplicationContext context;

    private RunningBot(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static Map<String, Object> defaults(String telegramBaseUrl, String keyPrefix) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("telegram.bot-token", TOKEN);
        properties.put("telegram.api-url", telegramBaseUrl);
        properties.put("telegram.poll-timeout-seconds", "1");
        properties.put("redis.url", TestRedis.url());
        properties.put("redis.key-prefix", keyPrefix);
        properties.put("server.port", "0");
        properties.put("bot.reconcile-every", "1s");
        properties.put("bot.reconcile-first", "2s");
        return properties;
    }

    /**
     * Points a bot at billing over HTTP: the billing API at {@code billingApiUrl} (a sandbox app's
     * {@code /sandbox/billing}, or a proxy in front of it), with the sandbox's API key and webhook secret.
     */
    public static Map<String, Object> billedAt(Map<String, Object> settings, String billingApiUrl) {
        settings.put("billing.api-url", billingApiUrl);
        settings.put("billing.api-key", "sandbox");
        settings.put("billing.webhook-secret", "sandbox-webhook-secret");
        return settings;
    }

    public static RunningBot start(Map<String, Object> properties, Clock clock) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(EsimBotApplication.class);
        if (clock != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", clock));
        }
        // As command-line arguments, so they win over application.yml like real environment variables do.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new RunningBot(builder.run(args));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Publishes into the app, as its own beans do (for test parts standing in for one of them). */
    public ApplicationEventPublisher events() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
