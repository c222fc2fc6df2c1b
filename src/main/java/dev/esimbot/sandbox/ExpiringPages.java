package dev.esimbot.sandbox;

import dev.esimbot.billing.ExpiringEsim;
import dev.esimbot.billing.ExpiringPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Keyset paging over eSIMs in (validUntil, ICCID) order: the cursor names the last item served, so eSIMs added or
 * renewed between pages neither shift nor repeat the rest. A page keeps only its {@code limit + 1} smallest items
 * after the cursor while it goes through the eSIMs once, so a page of 100,000 eSIMs costs one pass, not a sort.
 */
final class ExpiringPages {

    private static final Comparator<ExpiringEsim> ORDER = Comparator
            .comparing((ExpiringEsim item) -> item.esim().validUntil()).thenComparing(item -> item.esim().iccid());

    private ExpiringPages() {
    }

    static ExpiringPage page(Stream<ExpiringEsim> matching, String cursor, int limit) {
        Key after = cursor == null ? null : decode(cursor);
        PriorityQueue<ExpiringEsim> smallest = new PriorityQueue<>(limit + 2, ORDER.reversed());
        matching.filter(item -> after == null || after.before(item)).forEach(item -> {
            smallest.add(item);
            if (smallest.size() > limit + 1) {
                smallest.poll();
            }
        });
        List<ExpiringEsim> items = new ArrayList<>(smallest);
        items.sort(ORDER);
        boolean more = items.size() > limit;
        List<ExpiringEsim> page = more ? items.subList(0, limit) : items;
        return new ExpiringPage(page, more ? encode(page.get(limit - 1)) : null);
    }

    /** The last item served: its end (epoch ms) and ICCID. */
    private record Key(long endMillis, String iccid) {

        boolean before(ExpiringEsim item) {
            long end = item.esim().validUntil().toEpochMilli();
            return end != endMillis ? end > endMillis : item.esim().iccid().compareTo(iccid) > 0;
        }
    }

    /** A fixed-width epoch-millis prefix, as cursors have always been written, so older cursors still read. */
    private static String encode(ExpiringEsim last) {
        String key = String.format("%020d|%s", last.esim().validUntil().toEpochMilli(), last.esim().iccid());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Key decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = key.indexOf('|');
            return new Key(Long.parseLong(key.substring(0, bar)), key.substring(bar + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
            throw SandboxRejection.badRequest("invalid_cursor", "the cursor is not one this API gave out");
        }
    }
}
