package dev.esimbot.telegram;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable update queue (Bot API mode): every update is stored in a Redis stream of its chat's partition before
 * Telegram is told it arrived, and removed once handled.
 *
 * @param partitions    streams the chats are spread over ({@code UPDATES_PARTITIONS}); each is owned by one instance
 *                      at a time, which handles its chats in parallel, each chat in order. Changing it while updates
 *                      are queued mixes up their order
 * @param maxBacklog    updates queued (all partitions) above which the webhook answers 503 and polling pauses
 *                      ({@code UPDATES_MAX_BACKLOG})
 * @param lease         how long an instance owns a partition without renewing it ({@code UPDATES_LEASE}): a dead
 *                      instance's partitions move to the others within about this time
 * @param shutdownGrace how long a stop waits for updates in hand before handing the rest back ({@code SHUTDOWN_GRACE})
 * @param awaitHandled  long polling's pacing, not its durability ({@code UPDATES_AWAIT_HANDLED}): how long a batch,
 *                      once stored, waits to be handled before the next getUpdates confirms it. Zero (the default):
 *                      wait for nothing handled, so a chat slow at billing never delays the next batch's chats; the
 *                      tests set it to read a confirmed offset as "handled"
 */
@ConfigurationProperties("updates")
public record UpdatesProperties(
        @DefaultValue("16") int partitions,
        @DefaultValue("10000") int maxBacklog,
        @DefaultValue("5s") Duration lease,
        @DefaultValue("20s") Duration shutdownGrace,
        @DefaultValue("0s") Duration awaitHandled) {

    public UpdatesProperties {
        List<InvalidSettingException> problems = new ArrayList<>();
        if (partitions < 1 || partitions > 1024) {
            problems.add(new InvalidSettingException("UPDATES_PARTITIONS", "must be 1 to 1024, got " + partitions));
        }
        if (maxBacklog < 1) {
            problems.add(new InvalidSettingException("UPDATES_MAX_BACKLOG", "must be at least 1, got " + maxBacklog));
        }
        if (lease.toMillis() < 500) {
            problems.add(new InvalidSettingException("UPDATES_LEASE", "must be at least 500ms, got " + lease));
        }
        if (shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofSeconds(50)) > 0) {
            problems.add(new InvalidSettingException("SHUTDOWN_GRACE", "must be 0 to 50s, got " + shutdownGrace));
        }
        if (awaitHandled.isNegative() || awaitHandled.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.add(new InvalidSettingException("UPDATES_AWAIT_HANDLED", "must be 0 to 1m, got " + awaitHandled));
        }
        InvalidSettingException.throwAll(problems);
    }

    /** How often an instance renews its leases and rebalances: four times per lease. */
    Duration heartbeat() {
        return lease.dividedBy(4);
    }
}
