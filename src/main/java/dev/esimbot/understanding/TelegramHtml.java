package dev.esimbot.understanding;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether Telegram would take a text with {@code parse_mode=HTML}: only its tags (b, i, u, s, a with href, code, pre,
 * tg-spoiler, blockquote), and {@code &} and {@code <} only as entities or tags. An answer that fails would make
 * every send of that article fail, so start-up refuses it.
 */
final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "i", "u", "s", "a", "code", "pre", "tg-spoiler", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s[^<>]*)?)>");
    private static final Pattern HREF = Pattern.compile("\\s+href=\"[^\"]+\"\\s*");
    private static final Pattern ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|#\\d{1,7}|#x[0-9a-fA-F]{1,6});");

    private TelegramHtml() {
    }

    /** What Telegram would reject in the text, or empty. */
    static Optional<String> problem(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            String attributes = tag.group(3);
            if (!TAGS.contains(name)) {
                return Optional.of("has the tag <" + tag.group(1) + tag.group(2) + "> that Telegram does not allow (allowed: "
                        + TAGS + "; a line break is a new line)");
            }
            boolean closing = !tag.group(1).isEmpty();
            boolean fine = name.equals("a") && !closing ? HREF.matcher(attributes).matches() : attributes.isBlank();
            if (!fine) {
                return Optional.of("has <" + tag.group(1) + name + attributes + ">: only <a href=\"...\"> takes an attribute");
            }
        }
        String text = ENTITY.matcher(TAG.matcher(html).replaceAll("")).replaceAll("");
        if (text.contains("&")) {
            return Optional.of("has a bare '&' (write &amp;)");
        }
        if (text.contains("<") || text.contains(">")) {
            return Optional.of("has a bare '<' or '>' (write &lt; or &gt;)");
        }
        return Optional.empty();
    }
}
