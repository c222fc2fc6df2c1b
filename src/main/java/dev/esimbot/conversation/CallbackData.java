package dev.esimbot.conversation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Button data: {@code <action>:<argument>:<version>}. The version ties a button to the screen it was drawn on, so a
 * button from an older message is recognised as stale. Anything else (forged, truncated) does not parse.
 */
record CallbackData(JourneyEvent event, String argument, long version) {

    private static final Pattern SAFE_ARGUMENT = Pattern.compile("[A-Za-z0-9_.-]{0,40}");

    String encode() {
        return code(event) + ":" + argument + ":" + Long.toString(version, 36);
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
        try {
            return event(parts[0]).map(e -> new CallbackData(e, parts[1], Long.parseLong(parts[2], 36)));
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
