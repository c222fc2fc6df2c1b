package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one sender does with each answer Telegram can give, against the fake Bot API over HTTP. */
class NoticeSendingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeBotApi telegram = new FakeBotApi().start();
    private final NoticeRig rig = new NoticeRig("notice-sending");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        rig.close();
        telegram.close();
    }

    @Test
    void a429PausesSendingAndTheSameNoticeGoesOutOnceThePauseIsOver() {
        // GIVEN Telegram answers the first message with 429, retry after 2 seconds
        telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 2", 2);
        // AND two notices to two chats
        rig.enqueue(NoticeRig.notice("announce:1:1", 1));
        rig.enqueue(NoticeRig.notice("announce:1:2", 2));

        // WHEN a sender works through them
        startSender(1);
        awaitSettled(2);

        // THEN both arrive once, and nothing was sent during the 2 seconds after the 429
        assertThat(telegram.messagesTo(1)).hasSize(1);
        assertThat(telegram.messagesTo(2)).hasSize(1);
        List<Call> calls = telegram.calls("sendMessage");
        assertThat(calls).hasSize(3);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThan(Duration.ofMillis(1900));
        assertThat(count("retry_after")).isEqualTo(1);
    }

    @Test
    void aPassingFailureIsTriedAgainLaterAndTheNoticeSentOnce() {
        // GIVEN Telegram fails twice with 502 before it works again
        telegram.failNext("sendMessage", 502, "Bad Gateway", null);
        telegram.failNext("sendMessage", 502, "Bad Gateway", null);
        rig.enqueue(NoticeRig.notice("expiry:h1:2026-12-01:1d", 3));

        // WHEN a sender (3 tries at most) sends the notice
        startSender(1);
        awaitSettled(1);

        // THEN it arrives once, on the third try
        assertThat(telegram.messagesTo(3)).hasSize(1);
        assertThat(telegram.calls("sendMessage")).hasSize(3);
        assertThat(rig.queue.state("expiry:h1:2026-12-01:1d")).contains(NoticeState.SENT);
        assertThat(count("transient")).isEqualTo(2);
    }

    @Test
    void aNoticeThatKeepsFailingEndsAsFailedAndLeavesTheQueue() {
        // GIVEN Telegram fails three times, as often as a notice may be tried
        for (int i = 0; i < 3; i++) {
            telegram.failNext("sendMessage", 500, "Internal Server Error", null);
        }
        rig.enqueue(NoticeRig.notice("expiry:h2:2026-12-01:1d", 4));

        // WHEN a sender tries it
        startSender(1);
        awaitSettled(1);

        // THEN it ended as failed after three calls and no longer takes up the queue
        assertThat(rig.settled).extracting(NoticeSettled::state).containsExactly(NoticeState.FAILED);
        assertThat(telegram.calls("sendMessage")).hasSize(3);
        assertThat(rig.queue.size()).isZero();
    }

    @Test
    void aTransportThatThrowsCostsTriesInsteadOfLoopingForever() {
        // GIVEN a transport that throws instead of answering
        AtomicInteger attempts = new AtomicInteger();
        NoticeTransport broken = (chat, reply) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("bug");
        };
        rig.enqueue(NoticeRig.notice("announce:6:6", 6));

        // WHEN a sender (3 tries at most) sends the notice
        rig.sender(broken, 25, NoticeRig.settings(1, Duration.ofSeconds(60)), meters);
        awaitSettled(1);

        // THEN it ends as failed after three tries and leaves the queue
        assertThat(attempts).hasValue(3);
        assertThat(rig.queue.state("announce:6:6")).contains(NoticeState.FAILED);
        assertThat(rig.queue.size()).isZero();
    }

    @Test
    void aRefusalForGoodEndsTheNoticeWithoutAnotherTry() {
        telegram.failNext("sendMessage", 400, "Bad Request: chat not found", null);
        rig.enqueue(NoticeRig.notice("announce:2:5", 5));

        startSender(1);
        awaitSettled(1);

        assertThat(rig.queue.state("announce:2:5")).contains(NoticeState.FAILED);
        assertThat(telegram.calls("sendMessage")).hasSize(1);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void aUserWhoBlockedTheBotIsMarkedAndSkippedUntilTheyWriteAgain() {
        // GIVEN a user who blocked the bot, and a first notice to them
        telegram.blockedBy(7);
        rig.enqueue(NoticeRig.notice("announce:3:7", 7));
        startSender(1);
        awaitSettled(1);
        // THEN Telegram's 403 marks the chat, and the notice ends as blocked
        assertThat(rig.blocked.isBlocked(7)).isTrue();
        assertThat(rig.queue.state("announce:3:7")).contains(NoticeState.BLOCKED);

        // WHEN a second notice to them is queued, THEN it ends as blocked without a call to Telegram
        rig.enqueue(NoticeRig.notice("announce:4:7", 7));
        awaitSettled(2);
        assertThat(telegram.calls("sendMessage")).hasSize(1);

        // WHEN the user writes to the bot again (unblock) and a third notice is queued, THEN Telegram is asked again
        rig.blocked.unblock(7);
        rig.enqueue(NoticeRig.notice("announce:5:7", 7));
        awaitSettled(3);
        assertThat(telegram.calls("sendMessage")).hasSize(2);
        assertThat(count("blocked")).isEqualTo(3);
    }

    @Test
    void anIdleSenderLeavesTelegramAlone() throws InterruptedException {
        // GIVEN nothing queued, WHEN a sender runs for a while, THEN it made no call to Telegram
        startSender(4);
        Thread.sleep(500);

        assertThat(telegram.calls()).isEmpty();
    }

    private void startSender(int workers) {
        rig.sender(rig.transport(telegram), 25, NoticeRig.settings(workers, Duration.ofSeconds(60)), meters);
    }

    private void awaitSettled(int count) {
        await().atMost(WAIT).until(() -> rig.settled.size() >= count);
    }

    private double count(String outcome) {
        return meters.counter(NoticeOutcomes.METER, "outcome", outcome).count();
    }
}
