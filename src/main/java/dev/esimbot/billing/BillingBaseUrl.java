package dev.esimbot.billing;

import org.springframework.core.env.Environment;

/**
 * Where billing lives. In sandbox mode that is this very application, whose port is known only once the web server
 * runs (tests use port 0), so it is looked up on every call rather than at start-up.
 */
final class BillingBaseUrl {

    static final String SANDBOX_PATH = "/sandbox/billing";

    private final BillingProperties properties;
    private final Environment environment;

    BillingBaseUrl(BillingProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    String get() {
        if (!properties.sandboxEnabled()) {
            return properties.apiUrl();
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new BillingUnavailableException("the sandbox billing is not reachable before the web server runs");
        }
        return "http://localhost:" + port + SANDBOX_PATH;
    }
}
