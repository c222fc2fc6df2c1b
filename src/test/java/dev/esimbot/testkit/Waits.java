package dev.esimbot.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what happens asynchronously (webhooks, reconciliation), by polling with a deadline. */
public final class Waits {

    private static final Duration POLL = Duration.ofMillis(20);

    private Waits() {
    }

    /** Returns once the condition holds; fails naming {@code what} when it does not within the timeout. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout);
            }
            pause(POLL);
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
