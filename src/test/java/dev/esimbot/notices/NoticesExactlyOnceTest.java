package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.Refusal;
import dev.esimbot.testkit.RunningBot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many notices through the whole sending machinery (real Redis, real HTTP to a fake Bot API that enforces Telegram's
 * limits): each eligible chat gets exactly one, whatever 429s, blocked users, dead senders or second senders occur.
 */
class NoticesExactlyOnceTest {

    private static final long FIRST_CHAT = 1_000_000;
    /** Chats of the bot's other traffic (replies in live conversations), which shares Telegram's budget. */
    private static final long OTHER_TRAFFIC_CHAT = 9_000_000;

    private final FakeBotApi telegram = new FakeBotApi().start();
    private final NoticeRig rig = new NoticeRig("notices-once");

    @AfterEach
    void close() {
        rig.close();
        telegram.close();
    }

    /**
     * Telegram and the sender are both scaled ten times up (300 and 250 a second for 30 and 25) so 2,000 notices take
     * seconds, not the 80 they take at the real rate; the limiter, the queue and the retries run exactly as in
     * production. Other traffic fills part of Telegram's budget in the first seconds, so some notices meet a 429.
     */
    @Test
    void twoThousandRecipientsGetExactlyOneNoticeEachAndThoseWhoBlockedTheBotNone() {
        // GIVEN Telegram, scaled up, enforcing its limits, and 2,000 users of whom every 33rd (3 %) blocked the bot
        telegram.enforceTelegramLimits(300);
        long[] chats = LongStream.range(FIRST_CHAT, FIRST_CHAT + 2_000).toArray();
        long[] blocked = LongStream.of(chats).filter(chat -> chat % 33 == 0).toArray();
        telegram.blockedBy(blocked);
        // AND one notice queued for each
        LongStream.of(chats).forEach(chat -> rig.enqueue(NoticeRig.notice("announce:9:" + chat, chat)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        // WHEN the bot's other traffic takes 250 messages a second for 2 seconds, and a sender works at 250 a second
        long started = System.nanoTime();
        otherTraffic(250, Duration.ofSeconds(2));
        rig.sender(rig.transport(telegram), 250, NoticeRig.settings(4, Duration.ofSeconds(60)), meters);
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.settled.size() == chats.length);
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // THEN every chat that did not block the bot has exactly one message, and the others none and are marked
        LongStream.of(chats).forEach(chat -> assertThat(telegram.messagesTo(chat))
                .as("messages to chat %d", chat).hasSize(chat % 33 == 0 ? 0 : 1));
        LongStream.of(blocked).forEach(chat -> assertThat(rig.blocked.isBlocked(chat)).isTrue());
        // AND some notices met a 429, each was tried again: every call is a delivery, a 403 or an answered 429
        List<Refusal> tooMany = refusals(429);
        List<Call> calls = telegram.calls("sendMessage").stream().filter(call -> call.chatId() < OTHER_TRAFFIC_CHAT).toList();
        assertThat(tooMany).isNotEmpty();
        assertThat(calls).hasSize(chats.length + tooMany.size());
        assertThat(meters.counter(NoticeOutcomes.METER, "outcome", "sent").count()).isEqualTo(chats.length - blocked.length);
        assertThat(meters.counter(NoticeOutcomes.METER, "outcome", "blocked").count()).isEqualTo(blocked.length);
        assertThat(meters.counter(NoticeOutcomes.METER, "outcome", "retry_after").count()).isEqualTo(tooMany.size());
        assertThat(rig.queue.size()).isZero();
        System.out.printf("notices: %d settled in %d ms (%d answered 429, %d blocked)%n", chats.length, took,
                tooMany.size(), blocked.length);
    }

    @Test
    void twoSendersShareTheQueueSendEachNoticeOnceAndTogetherKeepTelegramsRate() {
        // GIVEN Telegram enforcing its real limits (30 a second) and 150 notices
        telegram.enforceTelegramLimits();
        long[] chats = LongStream.range(FIRST_CHAT, FIRST_CHAT + 150).toArray();
        LongStream.of(chats).forEach(chat -> rig.enqueue(NoticeRig.notice("expiry:h:2026-12-01:3d:" + chat, chat)));
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();

        // WHEN two instances' senders, 25 a second each as configured, work through the queue together
        rig.sender(rig.transport(telegram), 25, NoticeRig.settings(2, Duration.ofSeconds(60)), first);
        rig.sender(rig.transport(telegram), 25, NoticeRig.settings(2, Duration.ofSeconds(60)), second);
        await().atMost(Duration.ofSeconds(20)).until(() -> rig.settled.size() == chats.length);

        // THEN each chat got exactly one, both instances did part of the work, and Telegram never had to refuse
        LongStream.of(chats).forEach(chat -> assertThat(telegram.messagesTo(chat)).hasSize(1));
        assertThat(sent(first)).isPositive();
        assertThat(sent(second)).isPositive();
        assertThat(sent(first) + sent(second)).isEqualTo(chats.length);
        assertThat(telegram.refusals()).isEmpty();
        // AND together they kept near 25 a second as Telegram sees it: the gate books at most 25 in any second of
        // Redis's clock (RateGateTest); arrivals here also carry each request's own delay, which on this busy 2-core
        // machine bunched up to 3 more into one second, still under Telegram's 30
        List<Long> arrivals = telegram.calls("sendMessage").stream()
                .map(call -> call.at().getEpochSecond() * 1_000_000_000L + call.at().getNano()).toList();
        assertThat(RateGateTest.mostWithinOneSecond(arrivals)).isLessThanOrEqualTo(29);
    }

    @Test
    void aSenderThatDiesHalfWayIsTakenOverWithoutSkippingOrRepeatingANotice() {
        // GIVEN 300 notices, and a sender whose instance dies after 100 sends (its workers stop dead, batches unsent)
        long[] chats = LongStream.range(FIRST_CHAT, FIRST_CHAT + 300).toArray();
        LongStream.of(chats).forEach(chat -> rig.enqueue(NoticeRig.notice("announce:10:" + chat, chat)));
        NoticeTransport telegramTransport = rig.transport(telegram);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger deaths = new AtomicInteger();
        NoticeTransport dying = (chat, reply) -> {
            if (calls.incrementAndGet() > 100) {
                deaths.incrementAndGet();
                throw new InstanceDied();
            }
            return telegramTransport.send(chat, reply);
        };
        rig.sender(dying, 250, NoticeRig.settings(4, Duration.ofSeconds(1)), new SimpleMeterRegistry());
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> deaths.get() == 4);
        // AND it left entries pending: read, some taken for sending, none acknowledged
        assertThat(rig.redis.xpending(rig.keys.noticeQueue(), NoticeStream.GROUP).getTotal()).isPositive();

        // WHEN another instance's sender starts
        rig.sender(rig.transport(telegram), 250, NoticeRig.settings(4, Duration.ofSeconds(1)), new SimpleMeterRegistry());
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(15))
                .until(() -> rig.settled.size() == chats.length);

        // THEN every chat has exactly one notice and the queue is empty
        LongStream.of(chats).forEach(chat -> assertThat(telegram.messagesTo(chat)).hasSize(1));
        assertThat(telegram.calls("sendMessage")).hasSize(chats.length);
        assertThat(rig.queue.size()).isZero();
    }

    /** Stands for the instance's process dying: an Error the worker does not catch ends its thread on the spot. */
    private static final class InstanceDied extends Error {
        InstanceDied() {
            super("instance died", null, false, false);
        }
    }

    private static double sent(SimpleMeterRegistry meters) {
        return meters.counter(NoticeOutcomes.METER, "outcome", "sent").count();
    }

    private List<Refusal> refusals(int code) {
        return telegram.refusals().stream()
                .filter(refusal -> refusal.errorCode() == code && refusal.chatId() < OTHER_TRAFFIC_CHAT).toList();
    }

    /** Messages to other chats at {@code perSecond}, as the bot's replies would be, answered or refused by the fake. */
    private void otherTraffic(int perSecond, Duration during) {
        HttpClient http = HttpClient.newHttpClient();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        int total = (int) (perSecond * during.toMillis() / 1000);
        ticks.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            if (n > total) {
                ticks.shutdown();
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + RunningBot.TOKEN + "/sendMessage"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":" + (OTHER_TRAFFIC_CHAT + n) + ",\"text\":\"reply\"}"))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }
}
