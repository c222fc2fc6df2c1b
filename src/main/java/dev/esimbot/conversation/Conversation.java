package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.BillingUnavailableException;
import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import dev.esimbot.session.ChatBusyException;
import dev.esimbot.session.ChatLeaseLostException;
import dev.esimbot.session.ChatSessions;
import dev.esimbot.session.ChatSessions.Outcome;
import dev.esimbot.session.Session;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The entry point for what users do. Per input: lock the chat, restore its state, send the event to the state
 * machine, run the step, show the screen, persist, unlock. Every input gets an answer, also when something fails.
 */
@Component
public class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final ChatSessions sessions;
    private final JourneyMachine machine;
    private final Steps steps;
    private final Screens screens;
    private final Texts texts;
    private final Messenger messenger;
    private final BillingClient billing;
    private final JourneyMetrics metrics;
    private final TurnGate gate;
    private final LimitsProperties limits;
    private final ChatSeen audience;
    private final FreeText freeText;

    Conversation(ChatSessions sessions, JourneyMachine machine, Steps steps, Screens screens, Texts texts,
                 Messenger messenger, BillingClient billing, JourneyMetrics metrics, TurnGate gate,
                 LimitsProperties limits, ChatSeen audience, FreeText freeText) {
        this.freeText = freeText;
        this.metrics = metrics;
        this.gate = gate;
        this.limits = limits;
        this.audience = audience;
        this.sessions = sessions;
        this.machine = machine;
        this.steps = steps;
        this.screens = screens;
        this.texts = texts;
        this.messenger = messenger;
        this.billing = billing;
    }

    /**
     * Updates whose user was told the store is down. The queue hands such an update over again until Redis takes
     * writes, maybe many times (Redis read-only after a failover, or out of memory): the user hears it once.
     */
    private final Set<Long> toldUnavailable = recentUpdates();

    /** Updates whose user was told their chat is busy: a kept update is handed over again, the user hears it once. */
    private final Set<Long> toldBusy = recentUpdates();

    public void handle(ChatInput input) {
        if (input.kind() == ChatInput.Kind.BUTTON && input.callbackId() != null) {
            messenger.answerCallback(input.callbackId());
        }
        try {
            sessions.withChat(input.chatId(), session -> turn(input, session));
        } catch (ChatBusyException e) {
            log.warn("chat={} update={} chat stayed busy; kept for a retry", input.chatId(), input.updateId());
            if (toldBusy.add(input.updateId())) {
                tell(input, "error.busy");
            }
            throw e; // the update queue keeps it: the lock's holder finishes, or its lease lapses if it died
        } catch (ChatLeaseLostException e) {
            // The reply already went out; the newer state written by the lease's next holder stands.
            log.warn("chat={} update={} lease lost; this turn's state was not saved", input.chatId(), input.updateId());
        } catch (JedisException e) {
            log.error("chat={} update={} session store unavailable: {}", input.chatId(), input.updateId(),
                    e.getClass().getSimpleName());
            metrics.turnFailed("store_down");
            tellUnavailable(input);
            throw e; // the update queue keeps the update and hands it over again once Redis is back
        }
    }

    /** The last 4,096 update ids added, for "tell once" records. */
    private static Set<Long> recentUpdates() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > 4096;
            }
        }));
    }

    /**
     * The input could not be stored or read because Redis is down: its user hears, once per update (on this
     * instance), that the bot is temporarily unavailable. Nothing else is done with it; it is handled once stored.
     */
    public void tellUnavailable(ChatInput input) {
        if (toldUnavailable.add(input.updateId())) {
            tell(input, "error.unavailable");
        }
    }

    private Outcome<Void> turn(ChatInput input, Session session) {
        if (session.handled(input.updateId())) {
            log.debug("chat={} update={} already handled", input.chatId(), input.updateId());
            return new Outcome<>(null, false, null);
        }
        ChatContext context = new ChatContext(session.data());
        Optional<Outcome<Void>> flooded = gate.flooded(input, session, context);
        if (flooded.isPresent()) {
            return flooded.get();
        }
        if (!context.hasLanguage()) {
            context.language(Language.fromTelegram(input.languageCode()));
        }
        Turn turn = new Turn(input.chatId(), context, JourneyState.parse(session.state()), billing);
        turn.firstName = input.firstName();
        Intent intent = Intent.of(input, context.version(), limits.maxText());
        Optional<Outcome<Void>> toStaff = gate.ticket(input, session, context, intent);
        if (toStaff.isPresent()) {
            return toStaff.get();
        }
        Reply reply;
        boolean inPlace = false;
        try {
            intent = freeText.route(turn, intent, input);
            inPlace = play(turn, intent, input) && intent.fromButton(input);
            reply = screens.render(turn);
        } catch (BillingUnavailableException e) {
            log.warn("chat={} update={} billing unavailable: {}", input.chatId(), input.updateId(), e.getMessage());
            reply = failure(turn, intent, turn.failureKey);
            metrics.turnFailed("billing_down");
        } catch (RuntimeException e) {
            log.error("chat={} update={} turn failed in state {}", input.chatId(), input.updateId(), turn.startState, e);
            reply = failure(turn, intent, "error.generic");
            metrics.turnFailed("error");
        }
        deliver(input, reply, inPlace);
        joinAudience(input, context);
        Session next = session.with(turn.state.name(), context.data()).withUpdate(input.updateId());
        return new Outcome<>(next, turn.state == JourneyState.AWAITING_PAYMENT, null);
    }

    /** Once per chat and language; the answer is out already, so a failure here is only logged (and tried next turn). */
    private void joinAudience(ChatInput input, ChatContext context) {
        if (context.inAudience()) {
            return;
        }
        try {
            audience.seen(input.chatId(), context.language());
            context.joinedAudience();
        } catch (RuntimeException e) {
            log.warn("chat={} update={} not recorded for announcements: {}", input.chatId(), input.updateId(), e.toString());
        }
    }

    /** Runs the event; returns whether the answer may replace the tapped message. */
    private boolean play(Turn turn, Intent intent, ChatInput input) {
        if (intent.isProblem()) {
            // Only hint.too-long uses the arguments: the text's length and the limit.
            turn.notice(intent.problem(), input.text() == null ? 0 : input.text().length(), limits.maxText());
            turn.hideBody = !"hint.stale-button".equals(intent.problem());
            return false;
        }
        Optional<JourneyState> target = machine.next(turn.state, intent.event(), intent.argument());
        if (target.isEmpty()) {
            log.debug("chat={} update={} event {} refused in {}", input.chatId(), input.updateId(), intent.event(), turn.state);
            turn.notice("hint." + turn.state.name());
            turn.hideBody = true;
            return false;
        }
        Map<String, String> before = new HashMap<>(turn.context.data());
        try {
            steps.run(intent.event(), turn, target.get(), intent.argument());
            return true;
        } catch (RuntimeException e) {
            turn.context.restore(before);
            turn.state = turn.startState;
            throw e;
        }
    }

    /**
     * Billing down or a bug. Before the step's work was done: stay where we were, say nothing changed, and offer to
     * try the same thing again. After it (an order exists, only the screen failed): keep the new state, never offer
     * the action again, and say only that the system is slow.
     */
    private Reply failure(Turn turn, Intent intent, String key) {
        if (turn.committed) {
            return screens.failure(turn, "billing.slow", null, null);
        }
        turn.state = turn.startState;
        // Free text read as an action is not offered again as a button: the user may type it again.
        boolean repeatable = !intent.isProblem() && intent.event() != JourneyEvent.TEXT && turn.freeText == null;
        return repeatable ? screens.failure(turn, key, buttonEvent(intent.event()), intent.argument())
                : screens.failure(turn, key, null, null);
    }

    private static JourneyEvent buttonEvent(JourneyEvent event) {
        return event == JourneyEvent.START ? JourneyEvent.OPEN_MENU : event;
    }

    private void deliver(ChatInput input, Reply reply, boolean inPlace) {
        if (inPlace && input.messageId() != null && messenger.edit(input.chatId(), input.messageId(), reply)) {
            return;
        }
        messenger.send(input.chatId(), reply);
    }

    private void tell(ChatInput input, String key, Object... args) {
        Language language = Language.fromTelegram(input.languageCode());
        messenger.send(input.chatId(), new Reply(texts.get(language, key, args), List.of()));
    }
}
