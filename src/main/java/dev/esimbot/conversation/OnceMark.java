package dev.esimbot.conversation;

import dev.esimbot.session.StaleConnections;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Makes one message about an order go out once, whichever path (webhook, reconciliation, another instance) gets
 * there first. Claimed only briefly while sending and released if the send fails, so a crash mid-send can at worst
 * repeat the message after the claim lapses, never lose it; kept for as long as the order matters once sent.
 */
final class OnceMark {

    private static final long SENDING_CLAIM_SECONDS = 120;
    private static final long SENT_TTL_SECONDS = 90L * 24 * 3600;
    private static final String SENDING = "sending";
    /** Well inside the sending claim, so nobody else may send meanwhile. */
    private static final Duration CONFIRM_BUDGET = Duration.ofSeconds(30);
    private static final String SENT = "sent";

    private final UnifiedJedis redis;
    private final String key;

    OnceMark(UnifiedJedis redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    /** The message went out, or is going out right now on another path. */
    boolean taken() {
        return redis.exists(key);
    }

    /** A lapsed "sending" claim leaves no key, so this is only ever true for good. */
    boolean sent() {
        return SENT.equals(redis.get(key));
    }

    boolean claim() {
        return redis.set(key, SENDING, SetParams.setParams().nx().ex(SENDING_CLAIM_SECONDS)) != null;
    }

    void release() {
        redis.del(key);
    }

    /** Right after the send: lost, the message would go again once the claim lapses, so it outlasts a failover. */
    void confirm() {
        StaleConnections.throughFailover(CONFIRM_BUDGET, () -> redis.set(key, SENT, SetParams.setParams().ex(SENT_TTL_SECONDS)));
    }
}
