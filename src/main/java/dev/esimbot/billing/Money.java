package dev.esimbot.billing;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount in minor units (cents) of an ISO 4217 currency, exactly as billing states it. */
public record Money(long amountMinor, String currency) {

    /** The amount in major units, e.g. 999 USD cents -> 9.99. */
    public BigDecimal decimal() {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return BigDecimal.valueOf(amountMinor, Math.max(digits, 0));
    }
}
