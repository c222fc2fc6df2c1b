package dev.esimbot.billing;

import java.util.List;

/** One page of expiring eSIMs; {@code nextCursor} is null on the last page. */
public record ExpiringPage(List<ExpiringEsim> items, String nextCursor) {

    public ExpiringPage {
        items = List.copyOf(items);
    }
}
