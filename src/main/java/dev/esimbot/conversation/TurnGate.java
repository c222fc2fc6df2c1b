package dev.esimbot.conversation;

import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import dev.esimbot.session.ChatSessions.Outcome;
import dev.esimbot.session.Session;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What keeps an input from the journey, inside the chat's turn: flood control, and an open ticket (the user then
 * talks to people). Each answers what to store instead, or empty when the journey reads the input.
 */
@Component
class TurnGate {

    private static final Logger log = LoggerFactory.getLogger(TurnGate.class);

    private final FloodControl flood;
    private final SupportDesk supportDesk;
    private final Messenger messenger;
    private final Texts texts;

    TurnGate(FloodControl flood, SupportDesk supportDesk, Messenger messenger, Texts texts) {
        this.flood = flood;
        this.supportDesk = supportDesk;
        this.messenger = messenger;
        this.texts = texts;
    }

    /**
     * Counts the input; past the limit the first one is asked to slow down (the count stored), the next ones are not
     * read for a while (nothing stored).
     */
    Optional<Outcome<Void>> flooded(ChatInput input, Session session, ChatContext context) {
        FloodControl.Verdict verdict = flood.check(context);
        if (verdict == FloodControl.Verdict.ALLOW) {
            return Optional.empty();
        }
        if (verdict == FloodControl.Verdict.SILENT) {
            log.debug("chat={} update={} ignored while the chat is slowed down", input.chatId(), input.updateId());
            return Optional.of(new Outcome<>(null, false, null));
        }
        log.info("chat={} update={} too many messages; asked to slow down", input.chatId(), input.updateId());
        Language language = Language.fromTelegram(input.languageCode());
        send(input, language, "flood.slow-down", flood.silenceSeconds());
        return Optional.of(sameState(session, context, input.updateId()));
    }

    /** While a ticket is open, messages are copied to it, never interpreted; /cancel still reaches the journey. */
    Optional<Outcome<Void>> ticket(ChatInput input, Session session, ChatContext context, Intent intent) {
        boolean cancel = !intent.isProblem() && intent.event() == JourneyEvent.CANCEL;
        if (JourneyState.parse(session.state()) != JourneyState.SUPPORT_TICKET || cancel) {
            return Optional.empty();
        }
        String problem = null;
        if (input.kind() == ChatInput.Kind.BUTTON || input.messageId() == null) {
            problem = "hint.SUPPORT_TICKET";
        } else if (!supportDesk.relay(input.chatId(), input.messageId())) {
            log.warn("chat={} update={} message not relayed to staff", input.chatId(), input.updateId());
            problem = "support.relay-failed";
        }
        if (problem != null) {
            send(input, context.language(), problem);
        }
        return Optional.of(sameState(session, context, input.updateId()));
    }

    /** The session in the state it was, with the context's changes and the update marked handled. */
    private static Outcome<Void> sameState(Session session, ChatContext context, long updateId) {
        boolean keepAlive = JourneyState.parse(session.state()) == JourneyState.AWAITING_PAYMENT;
        return new Outcome<>(session.with(session.state(), context.data()).withUpdate(updateId), keepAlive, null);
    }

    private void send(ChatInput input, Language language, String key, Object... args) {
        messenger.send(input.chatId(), new Reply(texts.get(language, key, args), List.of()));
    }
}
