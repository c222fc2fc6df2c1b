package dev.esimbot.billing;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "billing": the state of the last contact with billing (any answer means it was
 * reached), not a call per probe, so a probe never adds load to billing or waits for its timeouts.
 */
@Component("billingHealthIndicator") // "billing" in /actuator/health
class BillingHealth implements HealthIndicator {

    /** The bot calls billing only when users act or orders are open: an old failure says little about now. */
    private static final Duration MEMORY = Duration.ofMinutes(5);

    private final BillingClient billing;
    private final BillingProperties properties;

    BillingHealth(BillingClient billing, BillingProperties properties) {
        this.billing = billing;
        this.properties = properties;
    }

    @Override
    public Health health() {
        return billing.contact().health(MEMORY).withDetail("sandbox", properties.sandboxEnabled()).build();
    }
}
