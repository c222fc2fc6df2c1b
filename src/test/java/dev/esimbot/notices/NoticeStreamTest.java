package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

/** The queue's consumer side on real Redis: who may send an entry, and when it is taken over. */
class NoticeStreamTest {

    private static final StreamEntryID START = new StreamEntryID();

    private final NoticeRig rig = new NoticeRig("notice-stream");
    private final NoticeStream stream = new NoticeStream(rig.redis, rig.keys);

    @BeforeEach
    void queueOneNotice() {
        rig.enqueue(NoticeRig.notice("announce:1:501", 501));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void noticesQueuedBeforeAnySenderStartedAreRead() {
        // GIVEN a notice queued before the consumer group existed (the @BeforeEach)
        // WHEN the first sender starts
        stream.ensureGroup();
        stream.ensureGroup();

        // THEN it reads that notice, once
        assertThat(stream.readNew("a", 10)).extracting(QueuedNotice::id).containsExactly("announce:1:501");
        assertThat(stream.readNew("b", 10)).isEmpty();
    }

    @Test
    void anEntryLeftByADeadSenderIsTakenOverAndItsOldOwnerMayNoLongerSendIt() throws InterruptedException {
        // GIVEN sender A read the entry and then went silent for longer than the claim idle time
        stream.ensureGroup();
        QueuedNotice readByA = stream.readNew("a", 10).get(0);
        Thread.sleep(150);

        // WHEN sender B looks for stale entries
        List<QueuedNotice> claimed = stream.claimStale("b", Duration.ofMillis(100), START, 10).notices();

        // THEN B has it and may send it, and A (should it wake up) may not
        assertThat(claimed).extracting(QueuedNotice::id).containsExactly("announce:1:501");
        assertThat(stream.take("a", readByA)).isEqualTo(NoticeStream.Take.TAKEN_OVER);
        assertThat(stream.take("b", claimed.get(0))).isEqualTo(NoticeStream.Take.GO);
    }

    @Test
    void takingAnEntryToSendItKeepsOthersFromTakingItOver() throws InterruptedException {
        // GIVEN sender A read the entry a while ago and is about to send it now
        stream.ensureGroup();
        QueuedNotice readByA = stream.readNew("a", 10).get(0);
        Thread.sleep(150);

        // WHEN A takes it for sending and B looks for stale entries right after
        NoticeStream.Take take = stream.take("a", readByA);
        List<QueuedNotice> claimed = stream.claimStale("b", Duration.ofMillis(100), START, 10).notices();

        // THEN A sends it and B finds nothing to take over
        assertThat(take).isEqualTo(NoticeStream.Take.GO);
        assertThat(claimed).isEmpty();
    }

    @Test
    void aSettledNoticeLeavesTheQueueAndKeepsItsEnd() {
        // GIVEN a notice read by a sender
        stream.ensureGroup();
        QueuedNotice queued = stream.readNew("a", 10).get(0);

        // WHEN it is settled as sent, and a stray repeat tries to settle it as blocked
        boolean first = stream.settle(queued, NoticeState.SENT);
        boolean repeat = stream.settle(queued, NoticeState.BLOCKED);

        // THEN only the first ended it (so its end is told once), it is gone from the queue and stays sent
        assertThat(first).isTrue();
        assertThat(repeat).isFalse();
        assertThat(rig.queue.size()).isZero();
        assertThat(rig.queue.state("announce:1:501")).contains(NoticeState.SENT);
        assertThat(stream.claimStale("b", Duration.ZERO, START, 10).notices()).isEmpty();
    }

    @Test
    void aRepeatEntryOfANoticeThatEndedIsRecognisedBeforeSending() {
        // GIVEN a notice that was sent, and a second entry of it (added by hand: queueing never makes one)
        stream.ensureGroup();
        QueuedNotice first = stream.readNew("a", 10).get(0);
        stream.settle(first, NoticeState.SENT);
        rig.redis.xadd(rig.keys.noticeQueue(), redis.clients.jedis.params.XAddParams.xAddParams(),
                QueuedNotice.fields(first.notice(), 0));

        // WHEN a sender reads and takes the repeat
        QueuedNotice repeat = stream.readNew("b", 10).get(0);

        // THEN it is told the notice already ended
        assertThat(stream.take("b", repeat)).isEqualTo(NoticeStream.Take.ALREADY_SETTLED);
    }

    @Test
    void anEntryThatIsNotANoticeIsRemoved() {
        // GIVEN an entry written by hand that is not a notice
        stream.ensureGroup();
        stream.readNew("a", 10);
        rig.redis.xadd(rig.keys.noticeQueue(), redis.clients.jedis.params.XAddParams.xAddParams(),
                java.util.Map.of("hello", "world"));

        // WHEN a sender reads it, THEN it gets nothing to send and the entry is gone
        assertThat(stream.readNew("a", 10)).isEmpty();
        assertThat(rig.queue.size()).isEqualTo(1);
    }
}
