package dev.esimbot.understanding;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text made fit to keep: full-width characters made plain (NFKC), lower case, one space between words; e-mails,
 * links, @handles, codes mixing letters and digits (order ids) and numbers masked; at most 200 characters.
 */
final class Masking {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.|t\\.me/)\\S+");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}])@\\w{2,}");
    /** Order ids and the like ({@code ORD-7KX9QZ}, {@code ab12cd}): Latin letters and digits together, 5 or more. */
    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z0-9-])(?=[A-Za-z0-9-]*[0-9])(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{4,}(?![A-Za-z0-9-])");
    /** ICCIDs, phone and order numbers, codes: any run of 4 or more digits, with spaces or dashes inside. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\p{Nd}[\\p{Nd}\\s-]{2,}\\p{Nd}");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX = 200;

    private Masking() {
    }

    static String mask(String text) {
        String masked = Normalizer.normalize(text, Normalizer.Form.NFKC);
        masked = EMAIL.matcher(masked).replaceAll("<email>");
        masked = LINK.matcher(masked).replaceAll("<link>");
        masked = HANDLE.matcher(masked).replaceAll("<handle>");
        masked = CODE.matcher(masked).replaceAll("<code>");
        masked = LONG_NUMBER.matcher(masked).replaceAll("<number>");
        masked = DIGIT.matcher(masked).replaceAll("#");
        masked = SPACES.matcher(masked.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return masked.length() > MAX ? masked.substring(0, MAX) : masked;
    }
}
