package dev.esimbot.conversation;

import java.util.Optional;

/** ICCID checks done before any billing call: 19-20 digits, starts with 89, Luhn-valid. */
final class Iccid {

    private Iccid() {
    }

    /** The ICCID without spaces or dashes, if it is well formed. */
    static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[\\s-]", "");
        if (!digits.matches("89\\d{17,18}") || !luhn(digits)) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
