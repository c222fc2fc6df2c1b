package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.esimbot.conversation.EsimCovered;
import dev.esimbot.testing.FakeBotApi;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A queued expiry notice that is no longer wanted when its turn comes (the eSIM was renewed or set to auto-renew, or
 * the user turned notices off) is skipped by the sender and recorded as SKIPPED; an announcement is never skipped.
 */
class NoticeSuppressionTest {

    private static final String ICCID = "8985200000098700011";

    private final FakeBotApi telegram = new FakeBotApi().start();
    private final NoticeRig rig = new NoticeRig("notice-suppression");
    private final Suppressions suppressions = new Suppressions(rig.redis, rig.keys, Clock.systemUTC());

    @AfterEach
    void close() {
        rig.close();
        telegram.close();
    }

    @Test
    void aNoticeQueuedBeforeTheEsimWasRenewedIsSkippedAtSendTime() {
        // GIVEN a notice about an eSIM, queued; then the receipt of its renewal goes out
        rig.enqueue(about("exp-a", 11, System.currentTimeMillis() - 1_000));
        suppressions.on(new EsimCovered(11, ICCID));

        // WHEN the sender comes to it
        rig.sender(telegram, 25, NoticeRig.settings(1, Duration.ofSeconds(5)));
        awaitSettled(1);

        // THEN nothing is sent, and it is recorded as skipped
        assertThat(telegram.messagesTo(11)).isEmpty();
        assertThat(rig.queue.state("exp-a")).contains(NoticeState.SKIPPED);
        assertThat(rig.settled).extracting(NoticeSettled::state).containsExactly(NoticeState.SKIPPED);
    }

    @Test
    void aNoticeMadeAfterTheRenewalStillGoes() {
        suppressions.on(new EsimCovered(12, ICCID));
        rig.enqueue(about("exp-b", 12, System.currentTimeMillis() + 1_000));

        rig.sender(telegram, 25, NoticeRig.settings(1, Duration.ofSeconds(5)));
        awaitSettled(1);

        assertThat(telegram.messagesTo(12)).hasSize(1);
        assertThat(rig.queue.state("exp-b")).contains(NoticeState.SENT);
    }

    @Test
    void whileAPaidRenewalIsNotAppliedEvenANoticeMadeLaterIsSkippedUntilTheReceipt() {
        // GIVEN a renewal of the eSIM seen paid, not applied yet (billing still shows the old end date)
        suppressions.on(new EsimCovered(14, ICCID, true));
        // WHEN a later scan makes a reminder about it
        rig.enqueue(about("exp-d", 14, System.currentTimeMillis() + 1_000));
        rig.sender(telegram, 25, NoticeRig.settings(1, Duration.ofSeconds(5)));
        awaitSettled(1);
        // THEN it is skipped: a reminder now would invite a second payment
        assertThat(rig.queue.state("exp-d")).contains(NoticeState.SKIPPED);

        // WHEN the receipt goes out and a reminder is made after it (the next period's)
        suppressions.on(new EsimCovered(14, ICCID));
        rig.enqueue(about("exp-e", 14, System.currentTimeMillis() + 1_000));
        awaitSettled(2);
        // THEN that one goes
        assertThat(rig.queue.state("exp-e")).contains(NoticeState.SENT);
        assertThat(telegram.messagesTo(14)).hasSize(1);
    }

    @Test
    void notificationsOffSkipsExpiryNoticesButNotAnnouncements() {
        suppressions.enable(13, false);
        rig.enqueue(about("exp-c", 13, System.currentTimeMillis()));
        rig.enqueue(NoticeRig.notice("ann-1-13", 13));

        rig.sender(telegram, 25, NoticeRig.settings(1, Duration.ofSeconds(5)));
        awaitSettled(2);

        assertThat(rig.queue.state("exp-c")).contains(NoticeState.SKIPPED);
        assertThat(rig.queue.state("ann-1-13")).contains(NoticeState.SENT);
        assertThat(telegram.messagesTo(13)).hasSize(1);
    }

    private static Notice about(String id, long chatId, long madeAt) {
        Notice plain = NoticeRig.notice(id, chatId);
        return new Notice(id, chatId, plain.reply(), new Notice.About(EsimKeys.of(ICCID), madeAt));
    }

    private void awaitSettled(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.settled.size() >= count);
    }
}
