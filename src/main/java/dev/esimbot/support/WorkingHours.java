package dev.esimbot.support;

import dev.esimbot.config.InvalidSettingException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When agents answer: some days of the week, one time range, one time zone. Blank means always. */
record WorkingHours(DayOfWeek firstDay, DayOfWeek lastDay, LocalTime opens, LocalTime closes, ZoneId zone) {

    private static final Pattern FORMAT = Pattern.compile(
            "(?:([A-Za-z]{3})(?:-([A-Za-z]{3}))?\\s+)?(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    static WorkingHours parse(String text, ZoneId zone) {
        if (text.isBlank()) {
            return new WorkingHours(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.MIN, LocalTime.MAX, zone);
        }
        Matcher m = FORMAT.matcher(text.strip());
        try {
            if (m.matches()) {
                DayOfWeek first = m.group(1) == null ? DayOfWeek.MONDAY : day(m.group(1));
                DayOfWeek last = m.group(2) == null ? (m.group(1) == null ? DayOfWeek.SUNDAY : first) : day(m.group(2));
                LocalTime opens = LocalTime.parse(m.group(3));
                LocalTime closes = LocalTime.parse(m.group(4));
                if (opens.isBefore(closes)) {
                    return new WorkingHours(first, last, opens, closes, zone);
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // reported below with the expected form
        }
        throw new InvalidSettingException("SUPPORT_HOURS", "must look like MON-FRI 09:00-18:00 or 09:00-21:00, got " + text);
    }

    /** Empty while agents are working; otherwise when they start again. */
    Optional<ZonedDateTime> nextOpening(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (isWorkingDay(local.getDayOfWeek()) && !local.toLocalTime().isBefore(opens) && local.toLocalTime().isBefore(closes)) {
            return Optional.empty();
        }
        ZonedDateTime candidate = local.with(opens);
        if (!candidate.isAfter(local)) {
            candidate = candidate.plusDays(1);
        }
        while (!isWorkingDay(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1);
        }
        return Optional.of(candidate);
    }

    private boolean isWorkingDay(DayOfWeek day) {
        int from = firstDay.getValue();
        int to = lastDay.getValue();
        int d = day.getValue();
        return from <= to ? d >= from && d <= to : d >= from || d <= to;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new IllegalArgumentException(abbreviation);
    }
}
