package dev.esimbot.billing;

import java.time.Instant;

/** One eSIM as billing reports it: its current plan, usage and validity. */
public record Esim(String iccid, String planName, String region, EsimStatus status, long dataLeftMb,
        long dataTotalMb, Instant validUntil, boolean autoRenew) {
}
