package dev.esimbot.billing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs billing webhooks as the contract says: {@code X-Billing-Timestamp: <epoch seconds>} and
 * {@code X-Billing-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>}. Used by the sandbox and tests.
 */
public final class WebhookSigner {

    public static final String TIMESTAMP_HEADER = "X-Billing-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Billing-Signature";
    static final String VERSION = "v1=";

    private WebhookSigner() {
    }

    /** Both headers for one delivery of {@code body}, signed at {@code timestamp}. */
    public static Map<String, String> headers(byte[] body, String secret, Instant timestamp) {
        long seconds = timestamp.getEpochSecond();
        return Map.of(TIMESTAMP_HEADER, Long.toString(seconds), SIGNATURE_HEADER, signature(body, secret, seconds));
    }

    /** The {@code v1=...} signature header value. */
    public static String signature(byte[] body, String secret, long epochSeconds) {
        return VERSION + HexFormat.of().formatHex(hmac(secret, epochSeconds, body));
    }

    static byte[] hmac(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
