package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole application, as deployed: its sender starts with it, stops with it, and the next start finishes the job.
 * Telegram is the fake Bot API enforcing the real limits (30 a second, 1 a second per chat).
 */
class NoticeRestartTest {

    private static final long FIRST_CHAT = 2_000_000;
    private static final int NOTICES = 80;

    private final FakeBotApi telegram = new FakeBotApi().start().enforceTelegramLimits();
    private final String prefix = TestRedis.uniquePrefix("notices-restart");
    private RunningBot bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        telegram.close();
    }

    @Test
    void aBotStoppedHalfWayAndStartedAgainSendsEveryNoticeExactlyOnce() {
        // GIVEN the bot running, and 80 notices queued through its queue
        bot = start();
        NoticeQueue queue = bot.bean(NoticeQueue.class);
        LongStream.range(FIRST_CHAT, FIRST_CHAT + NOTICES)
                .forEach(chat -> queue.enqueue(NoticeRig.notice("announce:11:" + chat, chat), Duration.ofHours(1)));

        // WHEN it is stopped once about a third went out (its workers hold batches they have not sent)
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.calls("sendMessage").size() >= NOTICES / 3);
        bot.close();
        int sentBeforeRestart = telegram.calls("sendMessage").size();
        // AND started again
        bot = start();
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.bean(NoticeQueue.class).size() == 0);

        // THEN each chat has exactly one notice, the new instance sent the rest, and Telegram never had to refuse
        assertThat(sentBeforeRestart).isLessThan(NOTICES);
        LongStream.range(FIRST_CHAT, FIRST_CHAT + NOTICES).forEach(chat -> assertThat(telegram.messagesTo(chat))
                .as("messages to chat %d", chat).hasSize(1));
        assertThat(telegram.refusals()).isEmpty();
        MeterRegistry meters = bot.bean(MeterRegistry.class);
        assertThat(meters.counter(NoticeOutcomes.METER, "outcome", "sent").count()).isEqualTo(NOTICES - sentBeforeRestart);
    }

    private RunningBot start() {
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
        settings.put("notices.claim-idle", "1s");
        settings.put("notices.idle-poll", "100ms");
        return RunningBot.start(settings, null);
    }
}
