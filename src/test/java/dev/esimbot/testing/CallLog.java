package dev.esimbot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every call the fake received, in arrival order; tests wait on it. */
final class CallLog {

    private static final String POLLING = "getUpdates";

    private final List<Call> calls = new ArrayList<>();

    synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    synchronized List<Call> of(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    synchronized void clear() {
        calls.clear();
    }

    /** The first recorded call (earlier ones included) that matches, waiting up to the timeout for it. */
    synchronized Call await(Predicate<Call> matcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < calls.size(); checked++) {
                if (matcher.test(calls.get(checked))) {
                    return calls.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No matching Bot API call within " + timeout + ". " + describe());
            }
            waitQuietly(left);
        }
    }

    private void waitQuietly(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a Bot API call. " + describe(), e);
        }
    }

    /** Lists the calls seen; getUpdates is only counted, since a polling bot makes many. */
    private String describe() {
        long polls = calls.stream().filter(call -> call.method().equals(POLLING)).count();
        String others = calls.stream()
                .filter(call -> !call.method().equals(POLLING))
                .map(call -> "\n  " + call)
                .collect(Collectors.joining());
        return "Calls seen (" + polls + " x getUpdates not listed):" + (others.isEmpty() ? " none" : others);
    }
}
