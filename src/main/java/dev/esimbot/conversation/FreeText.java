package dev.esimbot.conversation;

import static dev.esimbot.conversation.JourneyEvent.*;

import dev.esimbot.understanding.Action;
import dev.esimbot.understanding.Understanding;
import dev.esimbot.understanding.Understood;
import dev.esimbot.understanding.Understood.Kind;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Free text read for its meaning, at every step that is not waiting for typed data (an ICCID, a one-time code) and
 * outside an open ticket. An action becomes the event its button sends (an eSIM chooser first when several fit),
 * anything else an {@code ANSWER}. Nothing here orders, pays or changes a setting that has a button of its own.
 */
@Component
class FreeText {

    private static final Set<JourneyState> READ_IN = EnumSet.complementOf(
            EnumSet.of(JourneyState.LINK_ICCID, JourneyState.LINK_CODE, JourneyState.SUPPORT_TICKET));

    private final Understanding understanding;
    private final Answers answers;

    FreeText(Understanding understanding, Answers answers) {
        this.understanding = understanding;
        this.answers = answers;
    }

    /** The intent to play instead: the same one for anything that is not free text read here. */
    Intent route(Turn turn, Intent intent, ChatInput input) {
        if (!readHere(turn, intent, input)) {
            return intent;
        }
        Understood understood = understanding.understand(input.text());
        turn.freeText = input.text();
        turn.understood = understood;
        if (intent.event() == SUPPORT && understood.aboutMoney()) {
            return new Intent(ANSWER, understood.money(), null); // its article, whose buttons offer the person
        }
        boolean nothingNear = understood.is(Kind.NOT_SURE) && understood.closest().isEmpty();
        if (nothingNear) {
            answers.missed(turn, input.text());
        }
        if (intent.event() == SUPPORT || nothingNear) {
            turn.freeText = null; // "人工": a person; "hello": the step's own hint and buttons, as before
            turn.understood = null;
            return intent;
        }
        return switch (understood.kind()) {
            case ACTION -> action(turn, understood.action(), input.text());
            case ARTICLE -> new Intent(ANSWER, understood.entry(), null);
            case NOT_SURE -> new Intent(ANSWER, "", null);
        };
    }

    /** Free text (or a short ask for a person) at a step not waiting for typed data; an ICCID at the menu is one. */
    private static boolean readHere(Turn turn, Intent intent, ChatInput input) {
        return input.kind() == ChatInput.Kind.TEXT && !intent.isProblem() && READ_IN.contains(turn.state)
                && (intent.event() == TEXT || intent.event() == SUPPORT)
                && !(turn.state == JourneyState.MENU && JourneyTransitions.iccidLike(input.text()));
    }

    private Intent action(Turn turn, Action action, String text) {
        turn.context.misses(0);
        return switch (action) {
            case RENEW -> forEsim(turn, NOTICE_RENEW, "renew", null);
            case STATUS -> forEsim(turn, SHOW_ESIM, "status", null);
            case AUTO_RENEW_OFF -> forEsim(turn, SHOW_ESIM, "status", "understand.auto-renew-off");
            case AUTO_RENEW_ON -> forEsim(turn, SHOW_ESIM, "status", "understand.auto-renew-on");
            case ORDERS -> new Intent(ORDERS, "", null);
            case LANGUAGE -> language(turn, text);
            case STOP_REMINDERS -> new Intent(NOTIFICATIONS, "", null);
            case HUMAN -> new Intent(ANSWER, Answers.OFFER + "human", null); // a tap opens the ticket
            case HELP -> new Intent(HELP, "", null);
        };
    }

    /** The language the text names, set; the 🌐 button when it names none, the current one, or says not to. */
    private Intent language(Turn turn, String text) {
        return understanding.languageNamed(text).filter(wanted -> wanted != turn.language())
                .map(wanted -> new Intent(LANGUAGE, wanted.name(), null))
                .orElseGet(() -> new Intent(ANSWER, Answers.OFFER + "language", null));
    }

    /** The action's event for the eSIM the text is about, or the chooser; a note on how to finish with a tap. */
    private Intent forEsim(Turn turn, JourneyEvent event, String pick, String note) {
        return answers.about(turn).map(esim -> {
            if (note != null) {
                turn.notice(note);
            }
            return new Intent(event, esim.iccid(), null);
        }).orElseGet(() -> new Intent(ANSWER, Answers.PICK + pick, null));
    }
}
