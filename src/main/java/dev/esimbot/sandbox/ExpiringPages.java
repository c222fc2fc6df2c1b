package dev.esimbot.sandbox;

import dev.esimbot.billing.ExpiringEsim;
import dev.esimbot.billing.ExpiringPage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Keyset paging over eSIMs sorted by (validUntil, ICCID): the cursor names the last item served, so eSIMs added or
 * renewed between pages neither shift nor repeat the rest.
 */
final class ExpiringPages {

    private ExpiringPages() {
    }

    static ExpiringPage page(List<ExpiringEsim> sorted, String cursor, int limit) {
        int start = cursor == null ? 0 : firstAfter(sorted, decode(cursor));
        List<ExpiringEsim> items = sorted.subList(start, Math.min(sorted.size(), start + limit));
        boolean more = start + items.size() < sorted.size();
        return new ExpiringPage(items, more ? encode(items.get(items.size() - 1)) : null);
    }

    private static int firstAfter(List<ExpiringEsim> sorted, String lastKey) {
        for (int i = 0; i < sorted.size(); i++) {
            if (key(sorted.get(i)).compareTo(lastKey) > 0) {
                return i;
            }
        }
        return sorted.size();
    }

    /** Sorts like the list: a fixed-width epoch-millis prefix keeps string order equal to time order. */
    private static String key(ExpiringEsim item) {
        return String.format("%020d|%s", item.esim().validUntil().toEpochMilli(), item.esim().iccid());
    }

    private static String encode(ExpiringEsim last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key(last).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            throw SandboxRejection.badRequest("invalid_cursor", "the cursor is not one this API gave out");
        }
    }
}
