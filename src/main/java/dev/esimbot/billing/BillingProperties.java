package dev.esimbot.billing;

import dev.esimbot.config.InvalidSettingException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the billing feature. A blank {@code api-url} switches the embedded sandbox on; then the key and the
 * webhook secret have sandbox defaults. With a real URL both secrets are required. Checked here so a bad value stops
 * start-up with one line naming the environment variable. {@code maxConcurrent} ({@code BILLING_MAX_CONCURRENT}) bounds
 * the requests one instance has open at billing at once (billing sees up to instances times it; 64 by default, below
 * TELEGRAM_MAX_IN_FLIGHT's 256, so it binds before the chats in flight do): the ones beyond it wait their turn, first
 * come first served, for at most the read timeout, and then fail as a timeout does (the user is offered Try again).
 */
@ConfigurationProperties("billing")
public record BillingProperties(
        String apiUrl,
        String apiKey,
        String webhookSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("5s") Duration maxRetryAfter,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("5m") Duration webhookTolerance,
        @DefaultValue("64") int maxConcurrent) {

    public static final String SANDBOX_API_KEY = "sandbox";
    public static final String SANDBOX_WEBHOOK_SECRET = "sandbox-webhook-secret";

    public BillingProperties {
        apiUrl = apiUrl == null ? "" : stripTrailingSlash(apiUrl.strip());
        if (apiUrl.isEmpty()) {
            apiKey = isBlank(apiKey) ? SANDBOX_API_KEY : apiKey;
            webhookSecret = isBlank(webhookSecret) ? SANDBOX_WEBHOOK_SECRET : webhookSecret;
        } else {
            requireHttpUrl(apiUrl);
            List<InvalidSettingException> missing = new ArrayList<>();
            require("BILLING_API_KEY", apiKey, missing);
            require("BILLING_WEBHOOK_SECRET", webhookSecret, missing);
            InvalidSettingException.throwAll(missing); // both named at once when both are missing
        }
        requirePositive("BILLING_CONNECT_TIMEOUT", connectTimeout);
        requirePositive("BILLING_READ_TIMEOUT", readTimeout);
        requirePositive("BILLING_MAX_RETRY_AFTER", maxRetryAfter);
        requirePositive("BILLING_RETRY_BACKOFF", retryBackoff);
        requirePositive("BILLING_WEBHOOK_TOLERANCE", webhookTolerance);
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new InvalidSettingException("BILLING_MAX_ATTEMPTS", "must be between 1 and 10, got " + maxAttempts);
        }
        if (maxConcurrent < 1 || maxConcurrent > 4_096) {
            throw new InvalidSettingException("BILLING_MAX_CONCURRENT",
                    "must be between 1 and 4096 (requests to billing at once per instance), got " + maxConcurrent);
        }
    }

    /** True when no billing URL is configured and the embedded sandbox plays billing. */
    public boolean sandboxEnabled() {
        return apiUrl.isEmpty();
    }

    @Override
    public String toString() {
        return "BillingProperties[apiUrl=" + apiUrl + ", sandbox=" + sandboxEnabled() + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts + ", maxConcurrent="
                + maxConcurrent + "]";
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException ex) {
            uri = null;
        }
        boolean http = uri != null && ("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme()));
        if (!http || uri.getHost() == null) {
            throw new InvalidSettingException("BILLING_API_URL", "must be an absolute http(s) URL, got '" + url + "'");
        }
    }

    private static void require(String setting, String value, List<InvalidSettingException> missing) {
        if (isBlank(value)) {
            missing.add(new InvalidSettingException(setting, "is required when BILLING_API_URL is set"));
        }
    }

    private static void requirePositive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(setting, "must be a positive duration, got " + value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
