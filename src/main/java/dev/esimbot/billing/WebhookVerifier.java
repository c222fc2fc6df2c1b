package dev.esimbot.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Accepts a webhook only when its signature matches and its timestamp is within the tolerance of our clock, which
 * keeps a captured delivery from being replayed later.
 */
@Component
class WebhookVerifier {

    private static final Logger log = LoggerFactory.getLogger(WebhookVerifier.class);

    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    WebhookVerifier(BillingProperties properties, Clock clock) {
        this.secret = properties.webhookSecret();
        this.tolerance = properties.webhookTolerance();
        this.clock = clock;
    }

    boolean verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            log.warn("billing webhook without timestamp or signature");
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException ex) {
            log.warn("billing webhook with a malformed timestamp");
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            log.warn("billing webhook timestamp is {} s away from now", age.toSeconds());
            return false;
        }
        return matches(signatureHeader, seconds, body);
    }

    /** Several comma-separated signatures are allowed, so billing can rotate its secret without a gap. */
    private boolean matches(String signatureHeader, long seconds, byte[] body) {
        byte[] expected = WebhookSigner.signature(body, secret, seconds).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : signatureHeader.split(",")) {
            // constant time, and no early exit, so timing does not reveal which candidate was close
            matched |= MessageDigest.isEqual(expected, candidate.strip().getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            log.warn("billing webhook with a bad signature");
        }
        return matched;
    }
}
