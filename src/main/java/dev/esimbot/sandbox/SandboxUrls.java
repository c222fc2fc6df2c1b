package dev.esimbot.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Public checkout links and the webhook target; blank settings mean this application, whose port is known late. */
@Component
@ConditionalOnSandbox
class SandboxUrls {

    static final String CHECKOUT_PATH = "/sandbox/checkout/";
    /** Where the bot receives billing webhooks (the contract's path). */
    private static final String WEBHOOK_PATH = "/webhooks/billing";

    private final SandboxProperties properties;
    private final Environment environment;

    SandboxUrls(SandboxProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    String checkout(String orderId) {
        String base = properties.publicUrl().isEmpty() ? local() : withoutTrailingSlash(properties.publicUrl());
        return base + CHECKOUT_PATH + UriUtils.encodePathSegment(orderId, StandardCharsets.UTF_8);
    }

    URI webhook() {
        return URI.create(properties.webhookUrl().isEmpty() ? local() + WEBHOOK_PATH : properties.webhookUrl());
    }

    private String local() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the web server has no port yet");
        }
        return "http://localhost:" + port;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
