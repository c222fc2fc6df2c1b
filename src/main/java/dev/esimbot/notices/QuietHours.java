package dev.esimbot.notices;

import dev.esimbot.config.InvalidSettingException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hours in which notices wait (such as 22:00-08:00, across midnight), in one time zone; null times: never. */
record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    static QuietHours parse(String text, ZoneId zone) {
        String value = text.strip();
        if (value.isEmpty() || value.equals("-")) {
            return new QuietHours(null, null, zone);
        }
        Matcher m = FORMAT.matcher(value);
        try {
            if (m.matches() && !m.group(1).equals(m.group(2))) {
                return new QuietHours(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)), zone);
            }
        } catch (DateTimeParseException e) {
            // reported below with the expected form
        }
        throw new InvalidSettingException("NOTICES_QUIET_HOURS", "must look like 22:00-08:00 (or be blank), got " + text);
    }

    /** Empty when a notice may go now; otherwise when the quiet hours end. */
    Optional<Instant> endOf(Instant now) {
        if (from == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until);
        return Optional.of((end.isAfter(local) ? end : end.plusDays(1)).toInstant());
    }
}
