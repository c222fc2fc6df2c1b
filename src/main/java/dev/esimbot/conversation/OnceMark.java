package dev.esimbot.conversation;

import dev.esimbot.billing.Order;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.session.StaleConnections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Makes one message about an order go out once, whichever path (webhook, reconciliation, another instance) gets
 * there first. Claimed only briefly while sending and released if the send fails, so a crash mid-send can at worst
 * repeat the message after the claim lapses, never lose it; kept for as long as the order matters once sent.
 *
 * <p>The mark holds whose it is ({@link MarkOwner}: the chat and a digest of the order), because an order id alone
 * can come back for another order (a billing that numbers afresh after losing its store). A mark under the order id
 * that belongs to another order is never taken as "already told": this order's mark moves to a key of its own, which
 * is looked at first from then on. Release and confirm never change another order's mark.
 */
final class OnceMark {

    static final String SENDING = "sending";
    static final String SENT = "sent";
    private static final Logger log = LoggerFactory.getLogger(OnceMark.class);
    private static final long SENDING_CLAIM_SECONDS = 120;
    private static final long SENT_TTL_SECONDS = 90L * 24 * 3600;
    /** Well inside the sending claim, so nobody else may send meanwhile. */
    private static final Duration CONFIRM_BUDGET = Duration.ofSeconds(30);
    /** How far the bot's clock and billing's may disagree when an old mark's age is set against an order's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /**
     * Releases (no ARGV[2]) only this claim (ARGV[1]); confirms (ARGV[2], for ARGV[3] seconds) over this claim or over
     * none (it lapsed while sending), never over another order's mark.
     */
    private static final String IF_CLAIMED = """
            local held = redis.call('GET', KEYS[1])
            if ARGV[2] == nil then
              if held == ARGV[1] then return redis.call('DEL', KEYS[1]) end
              return 0
            end
            if held and held ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
            return 1""";

    /** Which message the mark is about, and where its keys are. */
    enum Kind {
        RECEIPT, OUTCOME;

        String key(RedisKeys keys, String orderId) {
            return this == RECEIPT ? keys.receipt(orderId) : keys.orderOutcome(orderId);
        }

        String ownKey(RedisKeys keys, String orderId, MarkOwner owner) {
            String part = owner.keyPart();
            return this == RECEIPT ? keys.receipt(orderId, part) : keys.orderOutcome(orderId, part);
        }
    }

    private final UnifiedJedis redis;
    private final String key;
    private final MarkOwner owner;

    private OnceMark(UnifiedJedis redis, String key, MarkOwner owner) {
        this.redis = redis;
        this.key = key;
        this.owner = owner;
    }

    /**
     * The chat's mark of this kind for the order: under the order id and the owner when the order already has one
     * there; else under the order id when that is free or this order's; else (another order holds it) under the order
     * id and the owner.
     */
    static OnceMark of(Kind kind, UnifiedJedis redis, RedisKeys keys, long chatId, Order order, Clock clock) {
        MarkOwner owner = MarkOwner.of(chatId, order);
        String own = kind.ownKey(keys, order.id(), owner);
        String shared = kind.key(keys, order.id());
        if (redis.exists(own)) {
            return new OnceMark(redis, own, owner);
        }
        String value = redis.get(shared);
        if (value == null || owner.owns(value) || olderMarkOwnedBy(redis, shared, value, order.createdAt(), clock)) {
            return new OnceMark(redis, shared, owner);
        }
        log.warn("chat={} order={}: its {} mark belongs to another order with the same id ({}); it keeps its own",
                chatId, order.id(), kind.name().toLowerCase(), MarkOwner.describe(value));
        return new OnceMark(redis, own, owner);
    }

    /**
     * A mark written before marks named their owner ({@code sent} or {@code sending}) is this order's unless it was
     * surely set before the order was created; its age is read off its TTL, which started at the mark's full lifetime.
     */
    private static boolean olderMarkOwnedBy(UnifiedJedis redis, String key, String value, Instant createdAt,
                                            Clock clock) {
        long lifetime = SENT.equals(value) ? SENT_TTL_SECONDS : SENDING.equals(value) ? SENDING_CLAIM_SECONDS : -1;
        if (lifetime < 0) {
            return false; // a mark that names another owner
        }
        long ttlMillis = redis.pttl(key);
        if (createdAt == null || ttlMillis < 0) {
            return true; // nothing tells it apart: never risk telling twice
        }
        Instant setAt = clock.instant().minusMillis(lifetime * 1000 - ttlMillis);
        return !setAt.plus(CLOCK_SKEW).isBefore(createdAt);
    }

    /** The message went out, or is going out right now on another path. */
    boolean taken() {
        return redis.exists(key);
    }

    /** A lapsed "sending" claim leaves no key, so this is only ever true for good. */
    boolean sent() {
        String value = redis.get(key);
        return value != null && (SENT.equals(value) || value.equals(owner.mark(SENT)));
    }

    boolean claim() {
        return redis.set(key, owner.mark(SENDING), SetParams.setParams().nx().ex(SENDING_CLAIM_SECONDS)) != null;
    }

    void release() {
        redis.eval(IF_CLAIMED, List.of(key), List.of(owner.mark(SENDING)));
    }

    /**
     * Right after the send: lost, the message would go again once the claim lapses, so it is tried on through a
     * failover (repeating it is safe: a mark already sent stays as it is).
     */
    void confirm() {
        List<String> args = List.of(owner.mark(SENDING), owner.mark(SENT), Long.toString(SENT_TTL_SECONDS));
        StaleConnections.throughFailover(CONFIRM_BUDGET, () -> redis.eval(IF_CLAIMED, List.of(key), args));
    }
}
