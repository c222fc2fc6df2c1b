package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduled scan's lease on real Redis: one instance per tick. */
class ScanLeaseTest {

    private final NoticeRig rig = new NoticeRig("scan-lease");

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void whenEveryInstancesScheduleFiresAtOnceExactlyOneScans() throws Exception {
        // GIVEN 8 instances whose cron fires at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> instances = IntStream.range(0, 8)
                .<Callable<Boolean>>mapToObj(i -> () -> new ScanLease(rig.redis, rig.keys).take("instance-" + i))
                .toList();

        // WHEN they all ask for the tick's lease
        List<Future<Boolean>> answers = pool.invokeAll(instances);
        pool.shutdown();

        // THEN one of them scans, and the lease lapses before the next tick
        long scanning = 0;
        for (Future<Boolean> answer : answers) {
            scanning += answer.get() ? 1 : 0;
        }
        assertThat(scanning).isEqualTo(1);
        assertThat(rig.redis.pttl(rig.keys.noticeScanLease())).isBetween(1L, ScanLease.HOLD.toMillis());
    }
}
