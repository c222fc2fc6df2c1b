package dev.esimbot.telegram;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Which partitions this instance owns. Each heartbeat renews the leases it holds, works out its fair share (the
 * partitions divided by the live instances, rounded up), takes free partitions up to it and hands back idle ones above
 * it; one above it with updates still in hand is marked leaving, so nothing more is read from it, and handed back once
 * idle. A partition counts as owned only while its lease surely still runs by this instance's own clock, so an instance
 * that cannot reach Redis stops handling before another may start.
 */
final class PartitionLeases {

    private static final Logger log = LoggerFactory.getLogger(PartitionLeases.class);

    private final UpdateStream stream;
    private final UpdatesProperties properties;
    private final String instance;
    private final Clock clock;
    /** Partition -> System.nanoTime() until which the lease surely runs (renewed at least this long ago). */
    private final Map<Integer, Long> owned = new ConcurrentHashMap<>();
    private final Set<Integer> leaving = ConcurrentHashMap.newKeySet();

    /** The workers' side: keeps the reader off a partition while it is handed back, and hears of a lost lease. */
    interface Holds {
        /** True when nothing of the partition is in hand or being read; the reader then keeps off it until released. */
        boolean hold(int partition);

        void release(int partition);

        /** The lease lapsed: another instance may take the partition's entries now, so none may start here. */
        void lost(int partition);
    }

    PartitionLeases(UpdateStream stream, UpdatesProperties properties, String instance, Clock clock) {
        this.stream = stream;
        this.properties = properties;
        this.instance = instance;
        this.clock = clock;
    }

    boolean owns(int partition) {
        Long until = owned.get(partition);
        return until != null && until - System.nanoTime() > 0;
    }

    Set<Integer> owned() {
        return owned.keySet();
    }

    /** Owned but to be handed back (above the fair share) once idle: read no more from it. */
    boolean leaving(int partition) {
        return leaving.contains(partition);
    }

    /** @param holds a partition is handed back only while held there, so nothing is read from it meanwhile */
    void heartbeat(Holds holds) {
        try {
            beat(holds);
        } catch (JedisException e) {
            log.warn("partition leases not renewed: {}", e.getClass().getSimpleName());
        }
    }

    private void beat(Holds holds) {
        long now = clock.millis();
        long live = stream.liveInstances(instance, now, now + properties.lease().toMillis());
        int fair = (int) Math.ceil(properties.partitions() / (double) live);
        for (Integer partition : owned.keySet()) {
            renew(partition, holds);
        }
        handBackAbove(fair, holds);
        int start = ThreadLocalRandom.current().nextInt(properties.partitions());
        for (int i = 0; i < properties.partitions() && owned.size() < fair; i++) {
            int partition = (start + i) % properties.partitions();
            long renewedAt = System.nanoTime();
            if (!owned.containsKey(partition) && stream.acquire(partition, instance, properties.lease())) {
                owned.put(partition, validUntil(renewedAt));
                log.debug("instance={} took partition={}", instance, partition);
            }
        }
    }

    private void handBackAbove(int fair, Holds holds) {
        if (owned.size() <= fair) {
            leaving.clear();
        }
        for (Integer partition : owned.keySet()) {
            if (owned.size() <= fair) {
                break;
            }
            if (holds.hold(partition)) {
                try {
                    handBack(partition);
                } finally {
                    holds.release(partition);
                }
            } else {
                leaving.add(partition);
            }
        }
    }

    private void renew(int partition, Holds holds) {
        long renewedAt = System.nanoTime();
        if (stream.renew(partition, instance, properties.lease())) {
            owned.put(partition, validUntil(renewedAt));
        } else {
            owned.remove(partition);
            leaving.remove(partition);
            holds.lost(partition);
            log.warn("instance={} lost partition={} (lease lapsed)", instance, partition);
        }
    }

    void handBack(int partition) {
        owned.remove(partition);
        leaving.remove(partition);
        stream.release(partition, instance);
        log.debug("instance={} handed back partition={}", instance, partition);
    }

    /**
     * On a clean stop: every idle lease given back and the instance no longer counted, so the others take over at
     * once. A partition with an update still in hand is left to lapse: its next owner must not start on the same
     * entry while this one may still be at it. The partitions handed back stay held.
     */
    void handBackAll(Holds holds) {
        try {
            for (Integer partition : owned.keySet()) {
                if (holds.hold(partition)) {
                    handBack(partition);
                } else {
                    owned.remove(partition);
                    log.warn("instance={} partition={} still in hand; left to lapse", instance, partition);
                }
            }
            stream.leave(instance);
        } catch (JedisException e) {
            owned.clear();
            log.warn("partitions not handed back ({}); they pass on when the leases lapse", e.getClass().getSimpleName());
        }
    }

    /** A margin of a tenth of the lease for clock drift between this instance and Redis. */
    private long validUntil(long renewedAtNanos) {
        return renewedAtNanos + properties.lease().toNanos() * 9 / 10;
    }
}
