package dev.esimbot.notices;

import dev.esimbot.billing.Esim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of expiry notice. The codes are stored in notice ids and named in {@code NOTICES_KINDS}: never rename one.
 * The expiry windows touch, so a scan every few minutes finds each eSIM in each window it passes through.
 */
public enum NoticeKind {
    /** Validity ends in more than 1 and at most 3 days. */
    EXPIRES_3D("expires-3d"),
    /** Validity ends within 24 hours. */
    EXPIRES_1D("expires-1d"),
    /** Validity ended within the last 24 hours. */
    EXPIRED_TODAY("expired-today"),
    /** At most {@code NOTICES_LOW_DATA_PERCENT} of the data is left while the plan is still valid. */
    LOW_DATA("low-data");

    static final Duration DAY = Duration.ofDays(1);

    private final String code;

    NoticeKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The message key of the notice's headline. */
    public String textKey() {
        return "notice." + code;
    }

    static Optional<NoticeKind> ofCode(String code) {
        for (NoticeKind kind : values()) {
            if (kind.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The expiry kind whose window the eSIM's end lies in, seen at {@code now}. */
    static Optional<NoticeKind> forExpiry(Esim esim, Instant now) {
        return forEnd(esim.validUntil(), now);
    }

    /**
     * Whether the expiry notice with this id ({@code exp-<esim>-<end>-<kind>}) speaks of a window its eSIM has left by
     * {@code now}: a notice held behind a long ticket or the night would otherwise say "3 days left" of an eSIM that
     * ends tomorrow, or has ended. Other notices never pass.
     */
    static boolean passed(String noticeId, Instant now) {
        for (NoticeKind kind : List.of(EXPIRES_3D, EXPIRES_1D, EXPIRED_TODAY)) {
            String suffix = "-" + kind.code;
            if (noticeId.startsWith("exp-") && noticeId.endsWith(suffix)) {
                String head = noticeId.substring(0, noticeId.length() - suffix.length());
                try {
                    Instant end = Instant.ofEpochSecond(Long.parseLong(head.substring(head.lastIndexOf('-') + 1)));
                    return forEnd(end, now).filter(kind::equals).isEmpty();
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static Optional<NoticeKind> forEnd(Instant end, Instant now) {
        Duration left = Duration.between(now, end);
        if (left.compareTo(DAY.multipliedBy(3)) > 0 || left.compareTo(DAY.negated()) <= 0) {
            return Optional.empty();
        }
        if (left.compareTo(DAY) > 0) {
            return Optional.of(EXPIRES_3D);
        }
        return Optional.of(left.isNegative() || left.isZero() ? EXPIRED_TODAY : EXPIRES_1D);
    }
}
