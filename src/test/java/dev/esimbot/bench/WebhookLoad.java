package dev.esimbot.bench;

import dev.esimbot.bench.Latencies.Summary;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;

/**
 * Telegram's side of a webhook run: chats post {@code /start} to the bots' webhooks (alternating between instances,
 * as a load balancer would) as fast as they are taken or at a set rate; a 503 is posted again after 20 ms, as Telegram
 * retries. Each chat's updates go out one after the other from one sender thread, so its replies (one
 * {@code sendMessage} per {@code /start}, read from the fake Bot API) pair with its posts in order. A reply's latency
 * runs from the accepted POST to the Bot API call.
 */
final class WebhookLoad {

    static final String SECRET = "bench-webhook-secret";
    private static final int SENDERS = 48;
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    record Result(int updates, double seconds, Summary replies, Summary slowPartition, Summary otherChats) {
        double updatesPerSecond() {
            return updates / seconds;
        }
    }

    private final FakeBotApi telegram;
    private final List<String> webhooks;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Telegram numbers updates upwards across runs: the bot ignores an update_id it has seen, or an older one. */
    private static final AtomicLong updateIds = new AtomicLong(1_000_000);

    WebhookLoad(FakeBotApi telegram, List<String> botBaseUrls) {
        this.telegram = telegram;
        this.webhooks = botBaseUrls.stream().map(url -> url + "/telegram/webhook").toList();
    }

    /**
     * Posts {@code perChat} updates of each chat; {@code rate} updates/s in all, 0 for as fast as they are taken.
     * {@code samePartition} picks the chats whose replies are also reported apart (slowPartition vs otherChats).
     */
    Result run(List<Long> chats, int perChat, double rate, LongPredicate samePartition) throws Exception {
        telegram.clearCalls();
        Map<Long, List<Instant>> posted = new HashMap<>();
        chats.forEach(chat -> posted.put(chat, new ArrayList<>()));
        Pacer pacer = new Pacer(rate);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Instant started = Instant.now();
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            List<Long> mine = new ArrayList<>();
            for (int i = s; i < chats.size(); i += SENDERS) {
                mine.add(chats.get(i));
            }
            running.add(senders.submit(() -> send(mine, perChat, pacer, posted)));
        }
        for (Future<?> sender : running) {
            sender.get();
        }
        senders.shutdown();
        int total = chats.size() * perChat;
        Instant last = awaitReplies(posted.keySet(), total);
        return summarise(posted, total, Duration.between(started, last), samePartition);
    }

    private Void send(List<Long> chats, int perChat, Pacer pacer, Map<Long, List<Instant>> posted) throws Exception {
        for (int round = 0; round < perChat; round++) {
            for (long chat : chats) {
                pacer.await();
                String body = TelegramUpdates.command(updateIds.incrementAndGet(), TestUser.english(chat, "B" + chat), "/start", null)
                        .toString();
                List<Instant> times = posted.get(chat);
                synchronized (times) {
                    times.add(post(body, (int) (chat % webhooks.size())));
                }
            }
        }
        return null;
    }

    /** Posts until taken; returns when the accepted POST began. */
    private Instant post(String body, int instance) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhooks.get(instance)))
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (true) {
            Instant at = Instant.now();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return at;
            }
            if (status != 503) {
                throw new IllegalStateException("webhook answered " + status);
            }
            Thread.sleep(20);
        }
    }

    /** Posts one update of a chat outside the run (the slow chat), without waiting for its reply. */
    void postOnce(long chat) throws Exception {
        post(TelegramUpdates.command(updateIds.incrementAndGet(), TestUser.english(chat, "S" + chat), "/start", null).toString(), 0);
    }

    private Instant awaitReplies(java.util.Set<Long> chats, int total) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Call> replies = replies(chats);
        while (replies.size() < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + replies.size() + " of " + total + " replies");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            replies = replies(chats);
        }
        return replies.get(replies.size() - 1).at();
    }

    private List<Call> replies(java.util.Set<Long> chats) {
        return telegram.calls("sendMessage").stream().filter(call -> chats.contains(call.chatId())).toList();
    }

    private Result summarise(Map<Long, List<Instant>> posted, int total, Duration wall, LongPredicate samePartition) {
        Map<Long, List<Instant>> replied = new HashMap<>();
        replies(posted.keySet()).forEach(call -> replied.computeIfAbsent(call.chatId(), c -> new ArrayList<>()).add(call.at()));
        Latencies all = new Latencies(total);
        Latencies same = new Latencies(total);
        Latencies others = new Latencies(total);
        posted.forEach((chat, posts) -> {
            List<Instant> replies = replied.getOrDefault(chat, List.of());
            if (replies.size() != posts.size()) {
                throw new IllegalStateException("chat " + chat + ": " + posts.size() + " posts, " + replies.size() + " replies");
            }
            for (int k = 0; k < posts.size(); k++) {
                long nanos = Duration.between(posts.get(k), replies.get(k)).toNanos();
                all.add(nanos);
                (samePartition.test(chat) ? same : others).add(nanos);
            }
        });
        return new Result(total, wall.toNanos() / 1e9, all.summary(), same.summary(), others.summary());
    }

    /** Spaces the posts of all senders to a rate (0: no spacing). */
    private static final class Pacer {
        private final long gapNanos;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        Pacer(double rate) {
            gapNanos = rate <= 0 ? 0 : (long) (1e9 / rate);
        }

        void await() {
            if (gapNanos == 0) {
                return;
            }
            long at = next.getAndAdd(gapNanos);
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
