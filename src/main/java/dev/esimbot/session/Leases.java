package dev.esimbot.session;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A key in Redis held by one holder for a while: a chat's lock, an update partition, an announcement's fan-out. Taken
 * with {@code SET NX PX}; renewed and released only by its holder (a check-and-act script each), so a holder whose
 * lease lapsed and was taken by another never extends or deletes the other's.
 */
public final class Leases {

    private static final String RENEW_IF_HOLDER = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0""";

    private static final String RELEASE_IF_HOLDER = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final UnifiedJedis redis;

    public Leases(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** True when the key was free and is now the holder's for {@code lease}. */
    public boolean take(String key, String holder, Duration lease) {
        return redis.set(key, holder, SetParams.setParams().nx().px(lease.toMillis())) != null;
    }

    /** True when the holder still held the key; it now runs {@code lease} from now. */
    public boolean renew(String key, String holder, Duration lease) {
        return Long.valueOf(1).equals(redis.eval(RENEW_IF_HOLDER, List.of(key), List.of(holder, Long.toString(lease.toMillis()))));
    }

    /** Deletes the key if the holder still holds it; another's lease is left alone. */
    public void release(String key, String holder) {
        redis.eval(RELEASE_IF_HOLDER, List.of(key), List.of(holder));
    }
}
