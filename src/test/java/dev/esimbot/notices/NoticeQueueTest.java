package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.conversation.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoticeQueueTest {

    private final NoticeRig rig = new NoticeRig("notice-queue");

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void queueingTheSameNoticeTwiceQueuesItOnce() {
        // GIVEN a notice queued once
        Notice notice = NoticeRig.notice("expiry:abc123:2026-12-01:3d", 42);
        boolean first = rig.queue.enqueue(notice, Duration.ofDays(4));

        // WHEN the scan runs again and queues it again
        boolean second = rig.queue.enqueue(notice, Duration.ofDays(4));

        // THEN it is in the queue once and marked queued
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(rig.queue.size()).isEqualTo(1);
        assertThat(rig.queue.state(notice.id())).contains(NoticeState.QUEUED);
    }

    @Test
    void queueingFromManyInstancesAtOnceQueuesItOnce() throws Exception {
        // GIVEN 16 producers (instances running the same scan), each with a queue of its own, held at a start line
        Notice notice = NoticeRig.notice("announce:7:1001", 1001);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> {
            go.await();
            return new NoticeQueue(rig.redis, rig.keys).enqueue(notice, Duration.ofHours(1));
        })).toList();

        // WHEN they all queue the same notice at once
        go.countDown();

        // THEN exactly one of them queued it
        int queued = 0;
        for (Future<Boolean> result : results) {
            queued += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(queued).isEqualTo(1);
        assertThat(rig.queue.size()).isEqualTo(1);
    }

    @Test
    void aNoticeMayBeQueuedAgainOnceItsIdIsForgotten() throws InterruptedException {
        // GIVEN a notice remembered for a short time
        Notice notice = NoticeRig.notice("expiry:abc123:2026-12-01:1d", 43);
        rig.queue.enqueue(notice, Duration.ofMillis(100));

        // WHEN that time has passed
        Thread.sleep(200);

        // THEN the same id is queued again
        assertThat(rig.queue.state(notice.id())).isEmpty();
        assertThat(rig.queue.enqueue(notice, Duration.ofHours(1))).isTrue();
        assertThat(rig.queue.size()).isEqualTo(2);
    }

    @Test
    void aNoticeNeedsAnIdWithoutSpacesAndAText() {
        assertThatThrownBy(() -> new Notice("expiry 1", 1, new Reply("hi", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice("", 1, new Reply("hi", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice("announce:1", 1, new Reply(" ", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
