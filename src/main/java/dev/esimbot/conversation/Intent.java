package dev.esimbot.conversation;

import dev.esimbot.conversation.ChatInput.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the user meant: an event with its argument, or a problem to answer with a hint. */
record Intent(JourneyEvent event, String argument, String problem) {

    private static final Pattern PERSON = Pattern.compile(
            "人工|客服|真人|\\b(human|agent|operator|real person|talk to (a )?person|support team)\\b");
    /** "不用转人工了", "no thanks, I dont need a person": not asking for one. */
    private static final Pattern NEGATED = Pattern.compile(
            "不用|不要|不需要|没事|\\b(no need|don'?t need|do not need|not|no thanks)\\b");

    private static final Map<String, JourneyEvent> COMMANDS = Map.of(
            "start", JourneyEvent.START,
            "menu", JourneyEvent.OPEN_MENU,
            "status", JourneyEvent.OPEN_MENU,
            "cancel", JourneyEvent.CANCEL,
            "help", JourneyEvent.HELP,
            "orders", JourneyEvent.ORDERS,
            "language", JourneyEvent.LANGUAGE,
            "support", JourneyEvent.SUPPORT,
            "notifications", JourneyEvent.NOTIFICATIONS);

    static Intent of(ChatInput input, long currentVersion, int maxText) {
        boolean text = input.kind() == Kind.TEXT || input.kind() == Kind.COMMAND;
        if (text && input.text().length() > maxText) {
            return problem("hint.too-long");
        }
        return switch (input.kind()) {
            case COMMAND -> command(input.text());
            case TEXT -> asksForAPerson(input.text()) ? new Intent(JourneyEvent.SUPPORT, "", null)
                    : new Intent(JourneyEvent.TEXT, input.text(), null);
            case BUTTON -> button(input.text(), currentVersion);
            case OTHER -> problem("hint.unsupported");
        };
    }

    /** Short free text that asks for a person, not negated, in the languages our users write: it opens a ticket. */
    static boolean asksForAPerson(String text) {
        String words = text.strip().toLowerCase(Locale.ROOT);
        return words.length() <= 40 && PERSON.matcher(words).find() && !NEGATED.matcher(words).find();
    }

    boolean isProblem() {
        return problem != null;
    }

    boolean fromButton(ChatInput input) {
        return input.kind() == Kind.BUTTON && !isProblem() && !event.fromNotice();
    }

    private static Intent command(String text) {
        String[] parts = text.trim().split("\\s+", 2);
        String name = parts[0].substring(1).split("@", 2)[0].toLowerCase(Locale.ROOT);
        JourneyEvent event = COMMANDS.get(name);
        if (event == null) {
            return problem("hint.unknown-command");
        }
        return new Intent(event, parts.length > 1 ? parts[1].trim() : "", null);
    }

    private static Intent button(String data, long currentVersion) {
        Optional<CallbackData> parsed = CallbackData.parse(data);
        if (parsed.isEmpty()) {
            return problem("hint.bad-button");
        }
        if (parsed.get().version() != CallbackData.NO_VERSION && parsed.get().version() != currentVersion) {
            return problem("hint.stale-button");
        }
        return new Intent(parsed.get().event(), parsed.get().argument(), null);
    }

    private static Intent problem(String key) {
        return new Intent(null, null, key);
    }
}
