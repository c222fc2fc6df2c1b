package dev.esimbot.notices;

import dev.esimbot.conversation.Button;
import dev.esimbot.conversation.Reply;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.telegram.TelegramNoticeTransport;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The notices feature wired by hand, as the application wires it, on real Redis with a key prefix of its own and
 * against a fake Bot API over HTTP. Each {@link #sender} plays one instance; they share the queue and the limits.
 */
final class NoticeRig implements AutoCloseable {

    final UnifiedJedis redis = TestRedis.client();
    final RedisKeys keys;
    final NoticeQueue queue;
    final BlockedUsers blocked;
    final List<NoticeSettled> settled = new CopyOnWriteArrayList<>();
    private final List<NoticeSender> senders = new ArrayList<>();
    private final List<OkHttpClient> clients = new ArrayList<>();

    NoticeRig(String name) {
        keys = new RedisKeys(TestRedis.uniquePrefix(name));
        queue = new NoticeQueue(redis, keys);
        blocked = new BlockedUsers(redis, keys);
    }

    /** Settings as in production but quicker to react: short idle poll, claim time and backoff. */
    static NoticesProperties settings(int workers, Duration claimIdle) {
        return new NoticesProperties(true, 25, Duration.ofSeconds(1), workers, 10, claimIdle, Duration.ofMillis(50), 3,
                Duration.ofMillis(100));
    }

    /** One more instance's sender, started; {@code rate} may exceed Telegram's for tests that scale Telegram up. */
    NoticeSender sender(NoticeTransport transport, int rate, NoticesProperties settings, MeterRegistry meters) {
        NoticeSender.Parts parts = new NoticeSender.Parts(new NoticeStream(redis, keys),
                new RateGate(redis, keys, rate, settings.chatGap()), blocked,
                new Suppressions(redis, keys, Clock.systemUTC()), transport,
                new NoticeOutcomes(meters, event -> settled.add((NoticeSettled) event)));
        NoticeSender sender = new NoticeSender(parts, settings, Clock.systemUTC(), NoticesConfig.instanceName());
        senders.add(sender);
        sender.start();
        return sender;
    }

    NoticeSender sender(FakeBotApi telegram, int rate, NoticesProperties settings) {
        return sender(transport(telegram), rate, settings, new SimpleMeterRegistry());
    }

    /** The production transport over a real OkHttp Telegram client, pointed at the fake. */
    NoticeTransport transport(FakeBotApi telegram) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ofSeconds(5)).build();
        clients.add(http);
        return new TelegramNoticeTransport(new OkHttpTelegramClient(http, RunningBot.TOKEN, telegram.telegramUrl()));
    }

    static Notice notice(String id, long chatId) {
        return new Notice(id, chatId, new Reply("⏰ <b>Your eSIM expires soon</b> (" + id + ")",
                List.of(List.of(new Button("Renew now", "renew:" + chatId, null)))));
    }

    void enqueue(Notice notice) {
        queue.enqueue(notice, Duration.ofHours(1));
    }

    @Override
    public void close() {
        senders.forEach(NoticeSender::stop);
        clients.forEach(http -> http.dispatcher().executorService().shutdown());
        redis.close();
    }
}
