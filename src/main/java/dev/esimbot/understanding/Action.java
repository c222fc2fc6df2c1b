package dev.esimbot.understanding;

import java.util.Arrays;
import java.util.Optional;

/** What a text can ask the bot to do. Stable names: the knowledge base files refer to them. */
public enum Action {
    RENEW("renew", false),
    STATUS("status", false),
    ORDERS("orders", false),
    /** Shows the eSIM's screen with the switch: the user taps it. */
    AUTO_RENEW_OFF("auto-renew-off", false),
    AUTO_RENEW_ON("auto-renew-on", false),
    /** Switches the bot's language at once, like /language. */
    LANGUAGE("language", true),
    /** Shows the reminders switch: the user taps it. */
    STOP_REMINDERS("stop-reminders", false),
    /** Opens a support ticket at once, like /support. */
    HUMAN("human", true),
    HELP("help", false);

    private final String name;
    private final boolean changesState;

    Action(String name, boolean changesState) {
        this.name = name;
        this.changesState = changesState;
    }

    /** The name in the knowledge base files. */
    public String fileName() {
        return name;
    }

    /** Whether taking it changes something without a further tap; such an action is never taken for a money text. */
    public boolean changesState() {
        return changesState;
    }

    static Optional<Action> parse(String name) {
        return Arrays.stream(values()).filter(a -> a.name.equals(name)).findFirst();
    }
}
