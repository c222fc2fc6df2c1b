package dev.esimbot.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    final WebhookVerifier verifier = new WebhookVerifier(properties("secret"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void signatureIsLowercaseHexHmacOfTimestampDotBody() {
        // openssl: printf '1893499200.{"id":"evt_1"}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSigner.signature(BODY, "secret", 1893499200L))
                .isEqualTo("v1=6d935682d41ec2a9c4a9b3ce4c5e497ec7999ac0a6128bc51bf7aeb26076d45c");
    }

    @Test
    void acceptsItsOwnSignatureWithinTolerance() {
        long fourMinutesAgo = NOW.minus(Duration.ofMinutes(4)).getEpochSecond();

        assertThat(verifier.verify(Long.toString(fourMinutesAgo),
                WebhookSigner.signature(BODY, "secret", fourMinutesAgo), BODY)).isTrue();
    }

    @Test
    void refusesTimestampsOlderOrNewerThanFiveMinutes() {
        long old = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        long future = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();

        assertThat(verifier.verify(Long.toString(old), WebhookSigner.signature(BODY, "secret", old), BODY)).isFalse();
        assertThat(verifier.verify(Long.toString(future), WebhookSigner.signature(BODY, "secret", future), BODY))
                .isFalse();
    }

    @Test
    void refusesOtherSecretOrChangedBody() {
        long now = NOW.getEpochSecond();
        String timestamp = Long.toString(now);

        assertThat(verifier.verify(timestamp, WebhookSigner.signature(BODY, "other", now), BODY)).isFalse();
        assertThat(verifier.verify(timestamp, WebhookSigner.signature(BODY, "secret", now), "{}".getBytes()))
                .isFalse();
        assertThat(verifier.verify(null, WebhookSigner.signature(BODY, "secret", now), BODY)).isFalse();
        assertThat(verifier.verify("yesterday", WebhookSigner.signature(BODY, "secret", now), BODY)).isFalse();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringSecretRotation() {
        long now = NOW.getEpochSecond();
        String header = WebhookSigner.signature(BODY, "old", now) + "," + WebhookSigner.signature(BODY, "secret", now);

        assertThat(verifier.verify(Long.toString(now), header, BODY)).isTrue();
    }

    private static BillingProperties properties(String secret) {
        Duration second = Duration.ofSeconds(1);
        return new BillingProperties("https://billing.example", "key", secret, second, second, 3, second, second,
                Duration.ofMinutes(5), 256);
    }
}
