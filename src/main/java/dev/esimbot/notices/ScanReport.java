package dev.esimbot.notices;

/**
 * What one expiry scan did: eSIMs read from billing, and notices queued, held (quiet hours, an open ticket), left out
 * (auto-renew on, notices off, a customer who never started the bot) and already made by an earlier scan.
 */
public record ScanReport(long seen, long queued, long held, long skipped, long repeats) {
}
