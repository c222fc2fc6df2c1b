package dev.esimbot.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue per chat (grammY runner's {@code sequentialize}): the work of one chat runs strictly in the order it was
 * submitted, one piece at a time; different chats run in parallel, each on a thread of a bounded pool. The caller
 * bounds the work submitted and not finished to the pool's size, so every chat with work has a thread at once and no
 * chat waits behind another. Idle threads end after a while, so a quiet bot holds few.
 */
final class ChatLanes {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    private static final long IDLE_THREAD_SECONDS = 30;

    private final ThreadPoolExecutor pool;
    /** Per chat with work: its pieces not finished yet, the first one running. Guarded by itself. */
    private final Map<Long, ArrayDeque<Runnable>> lanes = new HashMap<>();

    ChatLanes(int threads) {
        pool = new ThreadPoolExecutor(threads, threads, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                UpdatePipeline.named("chat-lane-"));
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the work after the chat's earlier work, or at once when the chat has none. False when stopping. */
    boolean submit(long chatId, Runnable work) {
        synchronized (lanes) {
            ArrayDeque<Runnable> lane = lanes.get(chatId);
            if (lane != null) {
                lane.add(work);
                return true;
            }
            lane = new ArrayDeque<>();
            lane.add(work);
            lanes.put(chatId, lane);
        }
        try {
            pool.execute(() -> drain(chatId));
            return true;
        } catch (RejectedExecutionException stopping) {
            synchronized (lanes) {
                lanes.remove(chatId);
            }
            return false;
        }
    }

    private void drain(long chatId) {
        Runnable next = first(chatId);
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException | Error e) { // the lane goes on: its chat's later work must not be stranded
                log.error("chat={} work failed unexpectedly", chatId, e);
            }
            next = afterDone(chatId);
        }
    }

    private Runnable first(long chatId) {
        synchronized (lanes) {
            return lanes.get(chatId).peek();
        }
    }

    /** The chat's next piece of work, or null (and the lane gone) when it has none. */
    private Runnable afterDone(long chatId) {
        synchronized (lanes) {
            ArrayDeque<Runnable> lane = lanes.get(chatId);
            lane.poll();
            if (lane.isEmpty()) {
                lanes.remove(chatId);
                return null;
            }
            return lane.peek();
        }
    }

    /** Chats with work now, for the benchmark and tests. */
    int busyChats() {
        synchronized (lanes) {
            return lanes.size();
        }
    }

    /** Starts no more work; the work running now may finish. */
    void shutdown() {
        pool.shutdown();
    }

    /** Interrupts the work running now (a stop past its grace, or a simulated crash). */
    void shutdownNow() {
        pool.shutdownNow();
    }

    boolean awaitTermination(long millis) throws InterruptedException {
        return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
