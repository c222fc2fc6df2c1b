package dev.esimbot.support;

import dev.esimbot.i18n.Language;
import dev.esimbot.notices.OpenTickets;
import dev.esimbot.session.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZAddParams;

/** Tickets and their maps in Redis, so they survive a restart and every instance sees the same ones. */
@Component
class Tickets implements OpenTickets {

    private static final long CLOSED_TTL_SECONDS = 30L * 24 * 3600;

    /** Longer than relaying one message takes, short enough that a message whose relay died is retried soon. */
    private static final int STAFF_CLAIM_SECONDS = 60;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;

    Tickets(UnifiedJedis redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    long nextNumber() {
        return redis.incr(keys.ticketSequence());
    }

    Ticket open(long number, long chatId, Integer topicId, Language language) {
        Instant now = clock.instant();
        redis.hset(keys.ticket(number), Map.of("chat", Long.toString(chatId), "topic",
                topicId == null ? "" : topicId.toString(), "status", "open", "opened", Long.toString(now.toEpochMilli()),
                "language", language.name()));
        if (topicId != null) {
            redis.set(keys.topicTicket(topicId), Long.toString(number));
        }
        redis.set(keys.chatTicket(chatId), Long.toString(number));
        redis.zadd(keys.openTickets(), now.toEpochMilli(), Long.toString(number));
        return new Ticket(number, chatId, topicId, true, now, language);
    }

    /** Expiry notices wait while the user talks to a person (see {@code notices.Reminders}). */
    @Override
    public boolean hasOpenTicket(long chatId) {
        return redis.exists(keys.chatTicket(chatId));
    }

    Optional<Ticket> forChat(long chatId) {
        return number(redis.get(keys.chatTicket(chatId))).flatMap(this::get);
    }

    Optional<Ticket> forTopic(int topicId) {
        return number(redis.get(keys.topicTicket(topicId))).flatMap(this::get);
    }

    Optional<Ticket> forStaffMessage(int messageId) {
        return number(redis.get(keys.staffMessageTicket(messageId))).flatMap(this::get);
    }

    void mapStaffMessage(int messageId, long number) {
        redis.set(keys.staffMessageTicket(messageId), Long.toString(number),
                SetParams.setParams().ex(CLOSED_TTL_SECONDS));
    }

    /** Closes the chat's open ticket; the ticket and its topic stay readable for 30 days (a late rating). */
    Optional<Ticket> close(long chatId) {
        Optional<Ticket> ticket = forChat(chatId).filter(Ticket::open);
        ticket.ifPresent(t -> {
            redis.del(keys.chatTicket(chatId));
            redis.zrem(keys.openTickets(), Long.toString(t.number()));
            redis.hset(keys.ticket(t.number()), "status", "closed");
            redis.expire(keys.ticket(t.number()), CLOSED_TTL_SECONDS);
            if (t.topicId() != null) {
                redis.expire(keys.topicTicket(t.topicId()), CLOSED_TTL_SECONDS);
            }
        });
        return ticket;
    }

    /** The user wrote: the ticket waits for an answer from now on, unless it was waiting already. */
    void waiting(long number) {
        redis.zadd(keys.openTickets(), clock.millis(), Long.toString(number), ZAddParams.zAddParams().xx().lt());
    }

    /** An agent answered: nothing to bump until the user writes again. */
    void answered(long number) {
        redis.zadd(keys.openTickets(), Double.POSITIVE_INFINITY, Long.toString(number), ZAddParams.zAddParams().xx());
    }

    /** Open tickets whose user has been waiting since before {@code cutoff}. */
    List<Long> waitingSince(Instant cutoff) {
        return redis.zrangeByScore(keys.openTickets(), 0, cutoff.toEpochMilli()).stream().map(Long::valueOf).toList();
    }

    /** Who acts on a staff group message: this instance now, nobody (it was done), or not yet known. */
    enum Claim { TAKEN, DONE, IN_FLIGHT }

    /**
     * TAKEN for the one instance that acts on this staff group message; DONE once it was; IN_FLIGHT while another
     * holds the claim (or held it and died before {@link #staffMessageDone}). The claim is short, so that a message
     * whose instance died is acted on when it is handed over again after the claim lapsed, never skipped.
     */
    Claim claimStaffMessage(int messageId) {
        String key = keys.staffMessageHandled(messageId);
        if (redis.set(key, "claimed", SetParams.setParams().nx().ex(STAFF_CLAIM_SECONDS)) != null) {
            return Claim.TAKEN;
        }
        return "done".equals(redis.get(key)) ? Claim.DONE : Claim.IN_FLIGHT;
    }

    void staffMessageDone(int messageId) {
        redis.set(keys.staffMessageHandled(messageId), "done", SetParams.setParams().xx().ex(24 * 3600));
    }

    /** True for the one instance that may bump this ticket now. */
    boolean claimBump(long number, Duration interval) {
        return redis.set(keys.ticketBumped(number), "1", SetParams.setParams().nx().px(interval.toMillis())) != null;
    }

    /** The ticket staff just closed, so the user's rating can still find its topic (a day). */
    void rememberClosed(Ticket ticket) {
        redis.set(keys.closedTicket(ticket.chatId()), Long.toString(ticket.number()),
                SetParams.setParams().ex(24 * 3600));
    }

    Optional<Ticket> lastClosed(long chatId) {
        return number(redis.get(keys.closedTicket(chatId))).flatMap(this::get);
    }

    Optional<Ticket> get(long number) {
        Map<String, String> fields = redis.hgetAll(keys.ticket(number));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String topic = fields.getOrDefault("topic", "");
        return Optional.of(new Ticket(number, Long.parseLong(fields.get("chat")),
                topic.isEmpty() ? null : Integer.valueOf(topic), "open".equals(fields.get("status")),
                Instant.ofEpochMilli(Long.parseLong(fields.getOrDefault("opened", "0"))),
                Language.parse(fields.get("language"))));
    }

    private static Optional<Long> number(String stored) {
        return stored == null ? Optional.empty() : Optional.of(Long.valueOf(stored));
    }
}
