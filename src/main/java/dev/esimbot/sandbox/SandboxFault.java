package dev.esimbot.sandbox;

import java.util.Locale;

/** Faults the sandbox can play for one customer, so tests and local mode can show how the bot copes. */
public enum SandboxFault {
    /** Creating or paying an order answers 503, as a billing outage does. */
    ORDERS_UNAVAILABLE,
    /** A paid order cannot be renewed: paid, then failed. */
    RENEWAL_FAILS,
    /** A paid order stays paid until an admin fulfils it. */
    RENEWAL_STALLS;

    /** {@code orders-unavailable}, {@code renewal-fails}, {@code renewal-stalls}. */
    static SandboxFault parse(String name) {
        try {
            return valueOf(name.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SandboxRejection.badRequest("bad_request", "unknown fault; use orders-unavailable, renewal-fails "
                    + "or renewal-stalls");
        }
    }
}
