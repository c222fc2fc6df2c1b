package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What the updates of {@link PartitionedQueueTest} did: applied once per update (the session's update_id dedupe), in
 * the order applied per chat, by which instance, and whether two updates of one chat were ever in hand at once.
 */
final class QueueEffects {

    final AtomicInteger deliveries = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final Set<String> done = ConcurrentHashMap.newKeySet();
    final Map<Integer, List<Integer>> orderByChat = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> activeByChat = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> blocked = new ConcurrentHashMap<>();
    private final int chats;

    QueueEffects(int chats) {
        this.chats = chats;
    }

    /** The update's handling waits, once begun, until the returned latch is counted down. */
    CountDownLatch block(String json) {
        CountDownLatch latch = new CountDownLatch(1);
        blocked.put(json, latch);
        return latch;
    }

    void apply(String instance, String json) {
        deliveries.incrementAndGet();
        byInstance.computeIfAbsent(instance, i -> new AtomicInteger()).incrementAndGet();
        String[] parts = json.split(",");
        int chat = Integer.parseInt(parts[0]);
        AtomicInteger active = activeByChat.computeIfAbsent(chat, c -> new AtomicInteger());
        if (active.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            work(json);
            List<Integer> order = orderByChat.computeIfAbsent(chat, c -> java.util.Collections.synchronizedList(new ArrayList<>()));
            synchronized (order) {
                if (done.add(json)) {
                    order.add(Integer.parseInt(parts[1]));
                }
            }
        } finally {
            active.decrementAndGet();
        }
    }

    private void work(String json) {
        LockSupport.parkNanos(300_000); // some work, so updates are in hand when an instance stops
        CountDownLatch latch = blocked.get(json);
        if (latch != null) {
            try {
                latch.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int applied() {
        return done.size();
    }

    void assertEachChatInOrder(int perChat) {
        assertThat(orderByChat).hasSize(chats);
        List<Integer> expected = java.util.stream.IntStream.range(0, perChat).boxed().toList();
        orderByChat.forEach((chat, order) -> assertThat(order).as("chat " + chat).isEqualTo(expected));
    }
}
