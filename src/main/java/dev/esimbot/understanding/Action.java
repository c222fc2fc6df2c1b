package dev.esimbot.understanding;

import java.util.Arrays;
import java.util.Optional;

/** What a text can ask the bot to do. Stable names: the knowledge base files refer to them. */
public enum Action {
    RENEW("renew", false, true),
    STATUS("status", false, true),
    ORDERS("orders", false, true),
    /** Shows the eSIM's screen with the switch: the user taps it. */
    AUTO_RENEW_OFF("auto-renew-off", false, true),
    AUTO_RENEW_ON("auto-renew-on", false, true),
    /** Switches the bot's language at once, like /language. */
    LANGUAGE("language", true, false),
    /** Shows the reminders switch: the user taps it. */
    STOP_REMINDERS("stop-reminders", false, false),
    /** Opens a support ticket at once, like /support. */
    HUMAN("human", true, false),
    HELP("help", false, true);

    private final String name;
    private final boolean changesState;
    private final boolean nearMoney;

    Action(String name, boolean changesState, boolean nearMoney) {
        this.name = name;
        this.changesState = changesState;
        this.nearMoney = nearMoney;
    }

    /** The name in the knowledge base files. */
    public String fileName() {
        return name;
    }

    /** Whether taking it changes something without a further tap; such an action is never taken for a money text. */
    public boolean changesState() {
        return changesState;
    }

    /** Whether it may be taken for a text with a word about money in it: it only shows a screen to tap on. */
    boolean nearMoney() {
        return nearMoney && !changesState;
    }

    static Optional<Action> parse(String name) {
        return Arrays.stream(values()).filter(a -> a.name.equals(name)).findFirst();
    }
}
