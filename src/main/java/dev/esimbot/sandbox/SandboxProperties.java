package dev.esimbot.sandbox;

import dev.esimbot.config.InvalidSettingException;
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
            throw new InvalidSettingException("SANDBOX_ONE_TIME_CODE", "must not be blank");
        }
        if (webhookAttempts < 1) {
            throw new InvalidSettingException("SANDBOX_WEBHOOK_ATTEMPTS", "must be at least 1, got " + webhookAttempts);
        }
        if (checkoutTtl.isNegative() || checkoutTtl.isZero()) {
            throw new InvalidSettingException("SANDBOX_CHECKOUT_TTL", "must be positive, got " + checkoutTtl);
        }
        publicUrl = publicUrl == null ? "" : publicUrl.strip();
        webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
    }
}
