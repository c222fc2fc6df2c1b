package dev.esimbot.conversation;

import java.util.List;

/** A screen made for one free text: its text (already in the user's language) and rows of buttons. */
record Answer(String text, List<List<Choice>> rows) {

    /** A button to draw: notice actions ride without a version, the others are bound to the screen. */
    record Choice(String label, JourneyEvent event, String argument) {

        Button button(long version) {
            CallbackData data = event.fromNotice() ? CallbackData.ofNotice(event, argument)
                    : CallbackData.of(event, argument, version);
            return Button.callback(label, data.encode());
        }
    }

    List<List<Button>> buttons(long version) {
        return rows.stream().map(row -> row.stream().map(c -> c.button(version)).toList()).toList();
    }
}
