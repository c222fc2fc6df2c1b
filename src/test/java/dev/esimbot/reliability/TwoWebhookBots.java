package dev.esimbot.reliability;

import dev.esimbot.announce.AdminHttp;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two instances of the bot in webhook mode behind a pretend load balancer (the test posts each update to one of
 * them), on one Redis key prefix and one fake Bot API, with their notice senders on and the admin API open: the update
 * queue and the notice queue shared across instances, as in production.
 */
final class TwoWebhookBots implements BeforeAllCallback, AfterAllCallback {

    static final String SECRET = "two_instances_hook_secret";

    private final Supplier<Map<String, String>> redisSettings;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<RunningBot> bots = new ArrayList<>();
    private FakeBotApi telegram;

    /** @param redisSettings the Redis topology's settings, asked once the servers run */
    TwoWebhookBots(Supplier<Map<String, String>> redisSettings) {
        this.redisSettings = redisSettings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        telegram = new FakeBotApi().start();
        String prefix = TestRedis.uniquePrefix("two-webhook");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
            settings.put("telegram.webhook-url", "https://bot.example/telegram/webhook");
            settings.put("telegram.webhook-secret", SECRET);
            settings.put("updates.lease", "2s");
            settings.put("announce.admin-token", AdminHttp.TOKEN);
            settings.put("announce.progress-every", "200ms");
            settings.put("notices.rate", "30");
            settings.put("announce.admin-per-minute", "100000"); // the test asks for the progress often
            // A settle after a send is retried for half of this, which must outlast the failover (Jedis' cluster
            // retries alone take up to 10 s); production's 60 s do. Notices a sender held when Redis failed it takes
            // up again itself, so no test waits for it.
            settings.put("notices.claim-idle", "30s");
            settings.putAll(redisSettings.get());
            bots.add(RunningBot.start(settings, null));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        bots.forEach(RunningBot::close);
        if (telegram != null) {
            telegram.close();
        }
    }

    RunningBot bot(int instance) {
        return bots.get(instance);
    }

    FakeBotApi telegram() {
        return telegram;
    }

    /** Posts an update to one instance's webhook, as Telegram through the load balancer; returns the status. */
    int post(int instance, String update) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bots.get(instance).baseUrl() + "/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Updates this instance's partition workers handled (its {@code bot.updates{outcome=handled}}). */
    long handledBy(int instance) {
        Timer handled = bots.get(instance).bean(MeterRegistry.class).find("bot.updates").tag("outcome", "handled").timer();
        return handled == null ? 0 : handled.count();
    }
}
