package dev.esimbot.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded billing sandbox (used only while {@code billing.api-url} is blank). Blank URLs mean "this
 * application", resolved once its port is known.
 */
@ConfigurationProperties("sandbox")
record SandboxProperties(
        @DefaultValue("246810") String oneTimeCode,
        String publicUrl,
        String webhookUrl,
        @DefaultValue("30m") Duration checkoutTtl,
        @DefaultValue("6") int webhookAttempts,
        @DefaultValue("500ms") Duration webhookBackoff,
        @DefaultValue("5s") Duration webhookTimeout) {

    SandboxProperties {
        if (oneTimeCode == null || oneTimeCode.isBlank()) {
            throw new IllegalArgumentException("sandbox.one-time-code must not be blank");
        }
        if (webhookAttempts < 1) {
            throw new IllegalArgumentException("sandbox.webhook-attempts must be at least 1");
        }
        publicUrl = publicUrl == null ? "" : publicUrl.strip();
        webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
    }
}
