package dev.esimbot.sandbox;

import java.util.Locale;

/** What a customer owns after a sandbox reset. Both keep the two unlinked purchases. */
public enum SandboxProfile {
    /** Three linked eSIMs (Peru active and nearly out, Global active, Japan expired). */
    DEMO,
    /** Nothing linked yet: the journey starts at linking. */
    FRESH;

    static SandboxProfile parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw SandboxRejection.badRequest("unknown_profile", "profile must be 'demo' or 'fresh'");
        }
    }
}
