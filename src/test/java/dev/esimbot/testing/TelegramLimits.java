package dev.esimbot.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Telegram's limits on sending, as the real server answers them, for the tests that opt in: more than {@code perSecond}
 * messages in any second (30 in Telegram), or two to one chat within a second, is refused with 429 and a
 * {@code retry_after}; a chat that blocked the bot is refused with 403. Only accepted messages count. Off until
 * {@link #enforce} is called; blocked chats apply from the start.
 */
final class TelegramLimits {

    static final int TELEGRAM_PER_SECOND = 30;
    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

    private final Deque<Long> accepted = new ArrayDeque<>();
    private final Map<Long, Long> lastToChat = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private int perSecond;

    synchronized void enforce(int perSecond) {
        this.perSecond = perSecond;
    }

    synchronized void block(long chatId) {
        blocked.add(chatId);
    }

    synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** A refusal for a message to a chat, or empty when it may go (and then it counts). */
    synchronized Optional<ApiReply> check(Call call) {
        if (!call.method().startsWith("send")) {
            return Optional.empty();
        }
        long chatId = call.chatId();
        if (blocked.contains(chatId)) {
            return refuse(chatId, ApiReply.error(403, "Forbidden: bot was blocked by the user"), null);
        }
        if (perSecond == 0) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= SECOND_NANOS) {
            accepted.pollFirst();
        }
        Long last = lastToChat.get(chatId);
        long freeIn = Math.max(accepted.size() >= perSecond ? accepted.peekFirst() + SECOND_NANOS - now : 0,
                last != null ? last + SECOND_NANOS - now : 0);
        if (freeIn > 0) {
            int retryAfter = (int) Math.max(1, Math.ceil(freeIn / (double) SECOND_NANOS));
            return refuse(chatId, ApiReply.error(429, "Too Many Requests: retry after " + retryAfter, retryAfter), retryAfter);
        }
        accepted.addLast(now);
        lastToChat.put(chatId, now);
        return Optional.empty();
    }

    private Optional<ApiReply> refuse(long chatId, ApiReply reply, Integer retryAfter) {
        refusals.add(new Refusal(chatId, reply.status(), retryAfter, Instant.now()));
        return Optional.of(reply);
    }
}
