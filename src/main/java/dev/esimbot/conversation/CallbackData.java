package dev.esimbot.conversation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Button data: {@code <action>:<argument>:<version>}. The version ties a button to the screen it was drawn on, so a
 * button from an older message is recognised as stale. An expiry notice's buttons, which belong to no screen, carry
 * {@code -} instead of a version; only the notice actions take that form, and they take no other. Anything else
 * (forged, truncated) does not parse. What a button names (an eSIM, a plan) is checked with billing when tapped.
 */
record CallbackData(JourneyEvent event, String argument, long version) {

    private static final Pattern SAFE_ARGUMENT = Pattern.compile("[A-Za-z0-9_.-]{0,40}");

    /** The version of a notice's buttons. */
    static final long NO_VERSION = -1;
    private static final String NOTICE_MARK = "-";

    String encode() {
        return code(event) + ":" + argument + ":" + (version == NO_VERSION ? NOTICE_MARK : Long.toString(version, 36));
    }

    static CallbackData ofNotice(JourneyEvent event, String argument) {
        if (!event.fromNotice()) {
            throw new IllegalArgumentException(event + " is not a notice button");
        }
        return new CallbackData(event, argument == null ? "" : argument, NO_VERSION);
    }

    static CallbackData of(JourneyEvent event, String argument, long version) {
        return new CallbackData(event, argument == null ? "" : argument, version);
    }

    /** Whether billing's id can ride on a button (ids with other characters or too long cannot). */
    static boolean fits(String argument) {
        return argument != null && SAFE_ARGUMENT.matcher(argument).matches();
    }

    static Optional<CallbackData> parse(String data) {
        if (data == null || data.length() > 64) {
            return Optional.empty();
        }
        String[] parts = data.split(":", -1);
        if (parts.length != 3 || !SAFE_ARGUMENT.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        boolean notice = NOTICE_MARK.equals(parts[2]);
        try {
            long version = notice ? NO_VERSION : Long.parseLong(parts[2], 36);
            return event(parts[0]).filter(e -> e.fromNotice() == notice).map(e -> new CallbackData(e, parts[1], version));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String code(JourneyEvent event) {
        return switch (event) {
            case OPEN_MENU -> "m";
            case SHOW_ESIM -> "e";
            case SHOW_PLANS -> "p";
            case PLAN_CHOSEN -> "pl";
            case CONFIRM -> "ok";
            case CHANGE_PLAN -> "chg";
            case CANCEL -> "x";
            case RETRY -> "re";
            case LINK -> "ln";
            case AUTO_RENEW -> "ar";
            case ORDERS -> "or";
            case HELP -> "h";
            case LANGUAGE -> "lg";
            case SUPPORT -> "sp";
            case PAY_IN_TELEGRAM -> "tp";
            case RATE -> "rt";
            case NOTIFICATIONS -> "nt";
            case NOTICE_RENEW -> "nr";
            case NOTICE_AUTO_RENEW -> "na";
            case NOTICE_STOP -> "ns";
            case ANSWER -> "kb";
            default -> throw new IllegalArgumentException("no button for " + event);
        };
    }

    private static Optional<JourneyEvent> event(String code) {
        for (JourneyEvent event : JourneyEvent.values()) {
            try {
                if (code(event).equals(code)) {
                    return Optional.of(event);
                }
            } catch (IllegalArgumentException notAButton) {
                // events such as TEXT or PAYMENT_SUCCEEDED never come from a button
            }
        }
        return Optional.empty();
    }
}
