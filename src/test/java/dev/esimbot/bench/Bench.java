package dev.esimbot.bench;

import dev.esimbot.EsimBotApplication;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.telegram.UpdatePipeline;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.UnifiedJedis;

/**
 * The whole application started in this JVM as in production (real Redis, the billing sandbox served over loopback
 * HTTP by the app itself) with two changes made from outside: the {@code telegramClient} bean is replaced by
 * {@link NoNetworkTelegramClient}, and {@link Probes} wrap two beans to measure. Long polling runs against an idle
 * {@link FakeBotApi} that never has updates, so it costs one empty getUpdates per poll timeout.
 */
final class Bench implements AutoCloseable {

    private static final int POLL_TIMEOUT_SECONDS = 50;

    private final FakeBotApi idleTelegram;
    private final ConfigurableApplicationContext context;
    private final NoNetworkTelegramClient telegram;
    private final Probes probes;
    private final String keyPrefix;

    private Bench(FakeBotApi idleTelegram, ConfigurableApplicationContext context, NoNetworkTelegramClient telegram,
                  Probes probes, String keyPrefix) {
        this.idleTelegram = idleTelegram;
        this.context = context;
        this.telegram = telegram;
        this.probes = probes;
        this.keyPrefix = keyPrefix;
    }

    static Bench start(int workers) {
        return start(workers, TestRedis.uniquePrefix("bench"), new NoNetworkTelegramClient());
    }

    /**
     * Another instance on the same key prefix (so the same update queue), replying through the same no-network
     * client, so the benchmark sees each chat's newest screen whichever instance drew it.
     */
    static Bench another(Bench first, int workers) {
        return start(workers, first.keyPrefix, first.telegram);
    }

    private static Bench start(int workers, String prefix, NoNetworkTelegramClient telegram) {
        FakeBotApi idle = new FakeBotApi().longPollCap(Duration.ofSeconds(POLL_TIMEOUT_SECONDS)).start();
        Map<String, Object> properties = RunningBot.defaults(idle.baseUrl(), prefix);
        properties.remove("bot.reconcile-every"); // the tests' fast reconciliation; the benchmark keeps the defaults
        properties.remove("bot.reconcile-first");
        properties.put("telegram.poll-timeout-seconds", Integer.toString(POLL_TIMEOUT_SECONDS));
        properties.put("telegram.workers", Integer.toString(workers));
        properties.put("logging.level.root", "WARN");
        // Synthetic chats send far more than a person: flood control still counts every input, never trips.
        properties.put("limits.messages-per-minute", "1000000");
        Probes probes = new Probes();
        BeanFactoryPostProcessor noNetwork = beanFactory -> {
            ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition("telegramClient");
            beanFactory.registerSingleton("telegramClient", telegram.client());
        };
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EsimBotApplication.class)
                .initializers(ctx -> {
                    ctx.addBeanFactoryPostProcessor(noNetwork);
                    ctx.getBeanFactory().addBeanPostProcessor(probes);
                })
                .run(args);
        return new Bench(idle, context, telegram, probes, prefix);
    }

    UpdatePipeline pipeline() {
        return context.getBean(UpdatePipeline.class);
    }

    NoNetworkTelegramClient telegram() {
        return telegram;
    }

    Probes probes() {
        return probes;
    }

    UnifiedJedis redis() {
        return context.getBean(UnifiedJedis.class);
    }

    RedisKeys keys() {
        return context.getBean(RedisKeys.class);
    }

    String keyPrefix() {
        return keyPrefix;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
        idleTelegram.close();
    }
}
