package dev.esimbot.notices;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tells the sender's workers to stop, and cuts their waits short when it does. */
final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    void stop() {
        stopped.countDown();
    }

    boolean running() {
        return stopped.getCount() > 0;
    }

    /** Waits, unless stopped meanwhile; false once stopping. */
    boolean sleep(long millis) {
        try {
            return !stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
