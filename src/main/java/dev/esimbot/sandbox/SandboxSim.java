package dev.esimbot.sandbox;

import dev.esimbot.billing.Esim;

/**
 * One purchased eSIM in the sandbox. {@code seededFor} is the customer whose seed created it (a reset replaces it);
 * {@code owner} is who linked it, null while unlinked; {@code linkToken} is null unless a deep link can claim it.
 */
record SandboxSim(Esim esim, long seededFor, Long owner, String email, String linkToken) {

    String iccid() {
        return esim.iccid();
    }

    boolean ownedBy(long customerId) {
        return owner != null && owner == customerId;
    }

    SandboxSim linkedTo(Long customerId) {
        return new SandboxSim(esim, seededFor, customerId, email, linkToken);
    }

    SandboxSim with(Esim changed) {
        return new SandboxSim(changed, seededFor, owner, email, linkToken);
    }

    /** The purchase e-mail as it may be shown: first letter and domain, e.g. {@code d***@example.com}. */
    String maskedEmail() {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }
}
