package dev.esimbot.notices;

import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A running app's notice sender, but at a rate above Telegram's 30 (which the app's settings refuse), for tests of
 * other features that send many notices against a scaled-up fake Bot API. Start the app with
 * {@code notices.enabled=false}; this sender shares its Redis keys and publishes {@link NoticeSettled} into it.
 */
public final class ScaledSender implements AutoCloseable {

    private final NoticeSender sender;
    private final OkHttpClient http;

    private ScaledSender(NoticeSender sender, OkHttpClient http) {
        this.sender = sender;
        this.http = http;
    }

    public static ScaledSender start(RunningBot bot, FakeBotApi telegram, int perSecond) {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
        http.dispatcher().setMaxRequestsPerHost(64);
        UnifiedJedis redis = bot.bean(UnifiedJedis.class);
        RedisKeys keys = bot.bean(RedisKeys.class);
        NoticesProperties settings = new NoticesProperties(true, 25, Duration.ofSeconds(1), 4, 10,
                Duration.ofSeconds(60), Duration.ofMillis(50), 3, Duration.ofMillis(100));
        NoticeSender.Parts parts = new NoticeSender.Parts(new NoticeStream(redis, keys),
                new RateGate(redis, keys, perSecond, settings.chatGap()), bot.bean(BlockedUsers.class),
                bot.bean(Suppressions.class),
                new dev.esimbot.telegram.TelegramNoticeTransport(new OkHttpTelegramClient(http, RunningBot.TOKEN,
                        telegram.telegramUrl())),
                new NoticeOutcomes(new SimpleMeterRegistry(), bot.events()));
        NoticeSender sender = new NoticeSender(parts, settings, Clock.systemUTC(), NoticesConfig.instanceName());
        sender.start();
        return new ScaledSender(sender, http);
    }

    @Override
    public void close() {
        sender.stop();
        http.dispatcher().executorService().shutdown();
    }
}
