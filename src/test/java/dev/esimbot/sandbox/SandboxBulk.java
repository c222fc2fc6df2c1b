package dev.esimbot.sandbox;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.testkit.RunningBot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Puts eSIMs into a running app's billing sandbox as they are, for tests and benchmarks that need many or odd ones. */
public final class SandboxBulk {

    private SandboxBulk() {
    }

    /** One linked eSIM for the customer (its ICCID: the customer's 6th sandbox ICCID). */
    public static Esim add(RunningBot bot, long customerId, String plan, long dataLeftMb, long dataTotalMb,
                           Instant validUntil) {
        Esim esim = new Esim(SandboxIccids.of(customerId, 6), plan, "Peru", EsimStatus.ACTIVE, dataLeftMb, dataTotalMb,
                validUntil, false);
        bot.bean(SandboxAccounts.class).add(List.of(linked(customerId, esim)));
        return esim;
    }

    /**
     * {@code count} linked eSIMs of customers {@code firstCustomer ...}, one each, ending spread over
     * {@code (from, from + spread)}; added in chunks, so the caller never holds them all.
     */
    public static void addExpiring(RunningBot bot, long firstCustomer, int count, Instant from, Duration spread) {
        SandboxAccounts accounts = bot.bean(SandboxAccounts.class);
        List<SandboxSim> chunk = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long customer = firstCustomer + i;
            Instant end = from.plusMillis(1 + spread.toMillis() * i / count);
            chunk.add(linked(customer, new Esim(SandboxIccids.of(customer, 1), "Peru 7-Day 3 GB", "Peru",
                    EsimStatus.ACTIVE, 2048, 3072, end, false)));
            if (chunk.size() == 1000 || i == count - 1) {
                accounts.add(chunk);
                chunk.clear();
            }
        }
    }

    private static SandboxSim linked(long customerId, Esim esim) {
        return new SandboxSim(esim, customerId, customerId, "bulk." + customerId + "@example.com", null);
    }
}
