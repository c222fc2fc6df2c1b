package dev.esimbot.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import org.springframework.stereotype.Component;

/** Numbers, money, sizes and times in the user's words. */
@Component
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Texts texts;

    Formats(Texts texts) {
        this.texts = texts;
    }

    public String money(long amountMinor, String currencyCode, Language language) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits()));
    }

    public String data(long megabytes) {
        if (megabytes < 1024) {
            return megabytes + " MB";
        }
        BigDecimal gigabytes = BigDecimal.valueOf(megabytes).divide(BigDecimal.valueOf(1024), 1, java.math.RoundingMode.HALF_UP);
        return gigabytes.stripTrailingZeros().toPlainString() + " GB";
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** "2 days 5 hours", "3 hours 10 minutes", "less than a minute"; the two largest units only. */
    public String remaining(Duration left, Language language) {
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        if (days > 0) {
            return hours > 0 ? texts.get(language, "time.days-hours", days, hours) : texts.get(language, "time.days", days);
        }
        if (hours > 0) {
            return minutes > 0 ? texts.get(language, "time.hours-minutes", hours, minutes) : texts.get(language, "time.hours", hours);
        }
        return minutes > 0 ? texts.get(language, "time.minutes", minutes) : texts.get(language, "time.under-a-minute");
    }
}
