package dev.esimbot.sandbox;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.billing.ExpiringEsim;
import dev.esimbot.billing.ExpiringPage;
import dev.esimbot.billing.LinkChallenge;
import dev.esimbot.billing.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Customers' eSIMs and linking. Every operation is one synchronized step: the sandbox stands in for an external
 * system and sees little traffic, so one lock keeps compound changes (seed, link, renew) simple and atomic.
 */
@Component
@ConditionalOnSandbox
class SandboxAccounts {

    static final int MAX_WRONG_CODES = 5;

    private final Map<String, SandboxSim> sims = new ConcurrentHashMap<>();
    private final Set<Long> seeded = ConcurrentHashMap.newKeySet();
    /** Started ICCID links ("customer:iccid") and their wrong codes so far. */
    private final Map<String, Integer> challenges = new ConcurrentHashMap<>();
    private final String oneTimeCode;
    private final Clock clock;

    SandboxAccounts(SandboxProperties properties, Clock clock) {
        this.oneTimeCode = properties.oneTimeCode();
        this.clock = clock;
    }

    synchronized List<Esim> esims(long customerId) {
        seedOnFirstSight(customerId);
        return sims.values().stream().filter(sim -> sim.ownedBy(customerId)).map(SandboxSim::esim)
                .sorted(Comparator.comparing(Esim::iccid)).toList();
    }

    synchronized Esim esim(long customerId, String iccid) {
        return owned(customerId, iccid).esim();
    }

    synchronized Esim setAutoRenew(long customerId, String iccid, boolean enabled) {
        Esim e = owned(customerId, iccid).esim();
        return replace(new Esim(e.iccid(), e.planName(), e.region(), e.status(), e.dataLeftMb(),
                e.dataTotalMb(), e.validUntil(), enabled));
    }

    synchronized Esim linkByToken(long customerId, String token) {
        seedOnFirstSight(customerId);
        SandboxSim sim = sims.values().stream().filter(s -> token.equals(s.linkToken())).findFirst()
                .orElseThrow(() -> SandboxRejection.notFound("invalid_token", "no purchase has this token"));
        return link(customerId, sim);
    }

    synchronized LinkChallenge startLink(long customerId, String iccid) {
        SandboxSim sim = unlinked(customerId, iccid);
        challenges.put(challengeKey(customerId, iccid), 0); // a new code: the count of wrong ones starts again
        return new LinkChallenge(sim.maskedEmail());
    }

    synchronized Esim confirmLink(long customerId, String iccid, String code) {
        SandboxSim sim = unlinked(customerId, iccid);
        String key = challengeKey(customerId, iccid);
        Integer wrong = challenges.get(key);
        if (wrong == null) {
            throw SandboxRejection.unprocessable("invalid_code", "no code was sent for this ICCID");
        }
        if (wrong >= MAX_WRONG_CODES) {
            throw new SandboxRejection(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "too many wrong codes; request a new one");
        }
        if (!oneTimeCode.equals(code)) {
            challenges.put(key, wrong + 1);
            throw SandboxRejection.unprocessable("invalid_code", "the code does not match");
        }
        challenges.remove(key);
        return link(customerId, sim);
    }

    /** Renewal after payment: validity extends from the later of now and the old end; data is the plan's. */
    synchronized Esim renew(long customerId, String iccid, Plan plan) {
        Esim e = owned(customerId, iccid).esim();
        Instant now = clock.instant();
        Instant from = e.validUntil().isAfter(now) ? e.validUntil() : now;
        return replace(new Esim(e.iccid(), plan.name(), e.region(), EsimStatus.ACTIVE, plan.dataMb(),
                plan.dataMb(), from.plus(Duration.ofDays(plan.days())), e.autoRenew()));
    }

    /** A page of the linked eSIMs whose validity ends in [from, to), by end then ICCID. */
    synchronized ExpiringPage expiring(Instant from, Instant to, String cursor, int limit) {
        return ExpiringPages.page(sims.values().stream()
                .filter(sim -> sim.owner() != null)
                .filter(sim -> !sim.esim().validUntil().isBefore(from) && sim.esim().validUntil().isBefore(to))
                .map(sim -> new ExpiringEsim(sim.owner(), sim.esim())), cursor, limit);
    }

    /** A page of the linked active eSIMs, still valid, with at most {@code maxPercent} of their data left. */
    synchronized ExpiringPage lowData(int maxPercent, String cursor, int limit) {
        Instant now = clock.instant();
        return ExpiringPages.page(sims.values().stream()
                .filter(sim -> sim.owner() != null && sim.esim().status() == EsimStatus.ACTIVE)
                .filter(sim -> sim.esim().validUntil().isAfter(now) && sim.esim().dataTotalMb() > 0)
                .filter(sim -> sim.esim().dataLeftMb() * 100 <= (long) maxPercent * sim.esim().dataTotalMb())
                .map(sim -> new ExpiringEsim(sim.owner(), sim.esim())), cursor, limit);
    }

    /** Adds purchased eSIMs as they are (for load tests: many customers' eSIMs at once). */
    synchronized void add(List<SandboxSim> added) {
        added.forEach(sim -> sims.put(sim.iccid(), sim));
    }

    /** Forgets everything about the customer and seeds the profile; eSIMs of others it had linked are released. */
    synchronized void reset(long customerId, SandboxProfile profile) {
        sims.values().removeIf(sim -> sim.seededFor() == customerId);
        sims.replaceAll((iccid, sim) -> sim.ownedBy(customerId) ? sim.linkedTo(null) : sim);
        challenges.keySet().removeIf(key -> key.startsWith(customerId + ":"));
        seed(customerId, profile);
    }

    private void seedOnFirstSight(long customerId) {
        if (!seeded.contains(customerId)) {
            seed(customerId, SandboxProfile.DEMO);
        }
    }

    private void seed(long customerId, SandboxProfile profile) {
        SandboxSeeds.forCustomer(customerId, profile, clock.instant()).forEach(sim -> sims.put(sim.iccid(), sim));
        seeded.add(customerId);
    }

    private SandboxSim owned(long customerId, String iccid) {
        seedOnFirstSight(customerId);
        SandboxSim sim = sims.get(iccid);
        if (sim == null || !sim.ownedBy(customerId)) {
            throw SandboxRejection.notFound("not_found", "no such eSIM for this customer");
        }
        return sim;
    }

    private SandboxSim unlinked(long customerId, String iccid) {
        seedOnFirstSight(customerId);
        SandboxSim sim = sims.get(iccid);
        if (sim == null) {
            throw SandboxRejection.notFound("unknown_iccid", "no purchase has this ICCID");
        }
        if (sim.owner() != null) {
            throw SandboxRejection.conflict("already_linked", "this eSIM is already linked");
        }
        return sim;
    }

    private Esim link(long customerId, SandboxSim sim) {
        if (sim.owner() != null) {
            throw SandboxRejection.conflict("already_linked", "this eSIM is already linked");
        }
        sims.put(sim.iccid(), sim.linkedTo(customerId));
        return sim.esim();
    }

    private Esim replace(Esim changed) {
        sims.computeIfPresent(changed.iccid(), (iccid, sim) -> sim.with(changed));
        return changed;
    }

    private static String challengeKey(long customerId, String iccid) {
        return customerId + ":" + iccid;
    }
}
