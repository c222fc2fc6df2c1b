package dev.esimbot.understanding;

import java.util.Locale;
import java.util.regex.Pattern;

/** A text made fit to keep: lower case, one space between words, e-mails and numbers masked, at most 200 characters. */
final class Masking {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+");
    /** ICCIDs, phone and order numbers, codes: any run of 4 or more digits, with spaces or dashes inside. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d\\s-]{2,}\\d");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX = 200;

    private Masking() {
    }

    static String mask(String text) {
        String masked = EMAIL.matcher(text).replaceAll("<email>");
        masked = LONG_NUMBER.matcher(masked).replaceAll("<number>");
        masked = DIGIT.matcher(masked).replaceAll("#");
        masked = SPACES.matcher(masked.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return masked.length() > MAX ? masked.substring(0, MAX) : masked;
    }
}
