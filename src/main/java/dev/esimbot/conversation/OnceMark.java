package dev.esimbot.conversation;

import dev.esimbot.billing.Order;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Makes one message about an order go out once, whichever path (webhook, reconciliation, another instance) gets
 * there first. Claimed only briefly while sending and released if the send fails, so a crash mid-send can at worst
 * repeat the message after the claim lapses, never lose it; kept for as long as the order matters once sent.
 *
 * <p>The mark holds whose it is ({@link MarkOwner}: the chat and a digest of the order's body), because an order id
 * alone can come back for another order (a billing that numbers afresh after a restart). A mark under the order id
 * that belongs to another order is never taken as "already told": this order's mark moves to a key of its own.
 */
final class OnceMark {

    private static final Logger log = LoggerFactory.getLogger(OnceMark.class);
    private static final long SENDING_CLAIM_SECONDS = 120;
    private static final long SENT_TTL_SECONDS = 90L * 24 * 3600;
    static final String SENDING = "sending";
    static final String SENT = "sent";

    private final UnifiedJedis redis;
    private final String key;
    private final MarkOwner owner;

    private OnceMark(UnifiedJedis redis, String key, MarkOwner owner) {
        this.redis = redis;
        this.key = key;
        this.owner = owner;
    }

    /**
     * The mark for this chat's order: the one under the order id when it is free or this order's, else the one under
     * the order id and the owner (the id was used before for another order, which keeps its own mark).
     */
    static OnceMark of(UnifiedJedis redis, String orderKey, BiFunction<String, String, String> ownedKey, long chatId,
                       Order order, Clock clock) {
        MarkOwner owner = MarkOwner.of(chatId, order);
        String value = redis.get(orderKey);
        if (value == null || owner.owns(value) || legacyOwnedBy(redis, orderKey, value, order.createdAt(), clock)) {
            return new OnceMark(redis, orderKey, owner);
        }
        log.warn("chat={} order={}: its mark belongs to another order with the same id ({}); this order keeps its own",
                chatId, order.id(), MarkOwner.describe(value));
        return new OnceMark(redis, ownedKey.apply(order.id(), owner.chatId() + "-" + owner.digest()), owner);
    }

    /**
     * A mark written before marks named their owner ({@code sent} or {@code sending}) is this order's only if it was
     * set after the order was created; its age is read off its TTL, which started at the mark's full lifetime.
     */
    private static boolean legacyOwnedBy(UnifiedJedis redis, String key, String value, Instant createdAt, Clock clock) {
        long lifetime = SENT.equals(value) ? SENT_TTL_SECONDS : SENDING.equals(value) ? SENDING_CLAIM_SECONDS : -1;
        long ttlMillis = redis.pttl(key);
        if (lifetime < 0 || ttlMillis < 0 || createdAt == null) {
            return false;
        }
        Instant setAt = clock.instant().minusMillis(lifetime * 1000 - ttlMillis);
        return !setAt.isBefore(createdAt);
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
        redis.del(key);
    }

    void confirm() {
        redis.set(key, owner.mark(SENT), SetParams.setParams().ex(SENT_TTL_SECONDS));
    }
}
