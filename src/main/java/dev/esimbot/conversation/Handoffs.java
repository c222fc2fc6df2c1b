package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.session.ChatSessions;
import dev.esimbot.session.ChatSessions.Outcome;
import dev.esimbot.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What staff do to a user's conversation: closing the ticket gives the user back to the bot, which asks for a rating. */
@Component
public class Handoffs {

    private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

    private final ChatSessions sessions;
    private final JourneyMachine machine;
    private final Screens screens;
    private final Messenger messenger;
    private final BillingClient billing;

    Handoffs(ChatSessions sessions, JourneyMachine machine, Screens screens, Messenger messenger, BillingClient billing) {
        this.sessions = sessions;
        this.machine = machine;
        this.screens = screens;
        this.messenger = messenger;
        this.billing = billing;
    }

    /** Staff closed the ticket: the user is asked for a rating, under the chat's lock like any other turn. */
    public void closedByStaff(long chatId) {
        sessions.withChat(chatId, session -> close(chatId, session));
    }

    private Outcome<Void> close(long chatId, Session session) {
        JourneyState state = JourneyState.parse(session.state());
        if (state != JourneyState.SUPPORT_TICKET) {
            log.info("chat={} ticket closed by staff, but the chat had already left it ({})", chatId, state);
            return new Outcome<>(null, false, null);
        }
        ChatContext context = new ChatContext(session.data());
        Turn turn = new Turn(chatId, context, state, billing);
        machine.next(state, JourneyEvent.TICKET_CLOSED, null).ifPresent(next -> turn.state = next);
        messenger.send(chatId, screens.render(turn));
        log.info("chat={} ticket {} closed by staff", chatId, context.ticket());
        return new Outcome<>(session.with(turn.state.name(), context.data()), false, null);
    }
}
