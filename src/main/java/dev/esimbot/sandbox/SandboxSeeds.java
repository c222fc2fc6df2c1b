package dev.esimbot.sandbox;

import static dev.esimbot.sandbox.SandboxIccids.GLOBAL;
import static dev.esimbot.sandbox.SandboxIccids.JAPAN;
import static dev.esimbot.sandbox.SandboxIccids.PERU;
import static dev.esimbot.sandbox.SandboxIccids.UNLINKED_BY_CODE;
import static dev.esimbot.sandbox.SandboxIccids.UNLINKED_BY_TOKEN;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The eSIMs a customer starts with, all derived from the customer id and "now" (see {@link SandboxIccids}). */
final class SandboxSeeds {

    /** An eSIM not yet activated may be activated within this time; its validity is shown until then. */
    private static final Duration ACTIVATE_WITHIN = Duration.ofDays(90);

    private SandboxSeeds() {
    }

    static List<SandboxSim> forCustomer(long customerId, SandboxProfile profile, Instant now) {
        List<SandboxSim> sims = new ArrayList<>();
        if (profile == SandboxProfile.DEMO) {
            sims.add(linked(customerId, new Esim(SandboxIccids.of(customerId, PERU), "Peru 7-Day 3 GB", "Peru",
                    EsimStatus.ACTIVE, 300, 3072, now.plus(Duration.ofDays(2).plusHours(5)), false)));
            sims.add(linked(customerId, new Esim(SandboxIccids.of(customerId, GLOBAL), "Global 30-Day 10 GB",
                    "Global", EsimStatus.ACTIVE, 8192, 10240, now.plus(Duration.ofDays(20)), true)));
            sims.add(linked(customerId, new Esim(SandboxIccids.of(customerId, JAPAN), "Japan 5-Day 5 GB", "Japan",
                    EsimStatus.EXPIRED, 0, 5120, now.minus(Duration.ofDays(3)), false)));
        }
        sims.add(unlinked(customerId, null, new Esim(SandboxIccids.of(customerId, UNLINKED_BY_CODE),
                "Thailand 8-Day 8 GB", "Thailand", EsimStatus.NOT_ACTIVATED, 8192, 8192,
                now.plus(ACTIVATE_WITHIN), false)));
        sims.add(unlinked(customerId, SandboxIccids.demoToken(customerId), new Esim(
                SandboxIccids.of(customerId, UNLINKED_BY_TOKEN), "Global 7-Day 3 GB", "Global",
                EsimStatus.NOT_ACTIVATED, 3072, 3072, now.plus(ACTIVATE_WITHIN), false)));
        return sims;
    }

    private static SandboxSim linked(long customerId, Esim esim) {
        return new SandboxSim(esim, customerId, customerId, email(customerId), null);
    }

    private static SandboxSim unlinked(long customerId, String token, Esim esim) {
        return new SandboxSim(esim, customerId, null, email(customerId), token);
    }

    private static String email(long customerId) {
        return "demo." + customerId + "@example.com";
    }
}
