package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** A state added to the journey without its hint or its line on the staff's context card fails here, not in a chat. */
class StateTextsTest {

    @Test
    void everyStateHasAHintAndAContextCardLineInEveryLanguage() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle texts = ResourceBundle.getBundle("i18n/messages", locale);
            for (JourneyState state : JourneyState.values()) {
                assertThat(texts.containsKey("hint." + state.name())).as("hint.%s (%s)", state, locale).isTrue();
                assertThat(texts.containsKey("card.state." + state.name())).as("card.state.%s (%s)", state, locale).isTrue();
            }
        }
    }
}
