package dev.esimbot.notices;

import dev.esimbot.session.Leases;
import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * One scheduled scan per tick across instances: every instance's schedule fires at the same cron moment, the first
 * to take the lease scans and the others skip, so billing is read once. Losing it only costs a repeat read (the
 * notices themselves are made once anyway), so it is a plain {@code SET NX} that lapses rather than a lock.
 */
@Component
class ScanLease {

    static final Duration HOLD = Duration.ofSeconds(50);

    private final Leases leases;
    private final RedisKeys keys;

    ScanLease(UnifiedJedis redis, RedisKeys keys) {
        this.leases = new Leases(redis);
        this.keys = keys;
    }

    /** True for the first instance to ask within {@link #HOLD}; it runs this tick's scan. */
    boolean take(String instance) {
        return leases.take(keys.noticeScanLease(), instance, HOLD);
    }
}
