package dev.esimbot.understanding;

import java.util.List;

/**
 * A knowledge-base answer in one language.
 *
 * @param text    short Telegram HTML
 * @param buttons button names from {@link #BUTTONS}, in order
 * @param facts   whether the answer starts with the facts of the user's eSIM (status, data left, expiry)
 */
public record Article(String id, String title, String text, List<String> buttons, boolean facts) {

    /** The buttons an article may show; the conversation draws each with its own label and target. */
    public static final List<String> BUTTONS = List.of("status", "renew", "human", "orders", "help", "link", "menu",
            "language", "notifications", "auto-renew");
}
