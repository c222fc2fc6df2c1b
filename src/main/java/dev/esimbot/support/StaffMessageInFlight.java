package dev.esimbot.support;

import dev.esimbot.ops.Retryable;

/**
 * An agent's message is claimed and not done: another instance is relaying it, or died doing so. The update queue
 * keeps it and hands it over again, so it is skipped once done and relayed once the claim lapsed, never lost.
 */
final class StaffMessageInFlight extends RuntimeException implements Retryable {

    StaffMessageInFlight(int messageId) {
        super("staff message " + messageId + " is being relayed elsewhere");
    }
}
