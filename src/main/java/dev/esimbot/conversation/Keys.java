package dev.esimbot.conversation;

import dev.esimbot.i18n.Texts;

/** Builds buttons bound to one screen's version, so a press on an older screen can be told apart. */
final class Keys {
    private final Texts texts;
    private final Turn turn;
    final long version;

    Keys(Texts texts, Turn turn, long version) {
        this.texts = texts;
        this.turn = turn;
        this.version = version;
    }

    Button button(String textKey, JourneyEvent event) {
        return button(textKey, event, "");
    }

    Button button(String textKey, JourneyEvent event, String argument) {
        return Button.callback(texts.get(turn.language(), textKey), CallbackData.of(event, argument, version).encode());
    }
}
