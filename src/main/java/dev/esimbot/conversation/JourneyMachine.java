package dev.esimbot.conversation;

import static dev.esimbot.conversation.JourneyState.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.statemachine.support.StateMachineInterceptorAdapter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one Spring Statemachine definition of the journey. It decides whether an event belongs to the current state and
 * where it leads. Machines are pooled: each call takes one, restores the chat's state into it with a fresh extended
 * state (so nothing leaks from the previous chat), fires one event and gives it back, so an instance never sees two
 * events at once.
 * <p>
 * Idle machines are kept by the state they are in. A machine already in the chat's state needs only a fresh extended
 * state (the journey is flat: one region, no history, no timers, so the state id and the variables are all a machine
 * holds); any other is stopped, reset to the chat's state and started again, which costs more than the event itself.
 * A machine whose event failed is dropped, never reused.
 */
@Component
class JourneyMachine {

    static final String TEXT_HEADER = "text";
    /** Set by the interceptor when a transition really fired; an event refused by a guard is still "accepted". */
    private static final String FIRED = "fired";

    private final Map<JourneyState, Queue<StateMachine<JourneyState, JourneyEvent>>> idle = new EnumMap<>(JourneyState.class);

    JourneyMachine() {
        for (JourneyState state : JourneyState.values()) {
            idle.put(state, new ConcurrentLinkedQueue<>()); // filled once: read-only map, thread-safe queues
        }
    }

    /** The state the event leads to, or empty when the event does not belong to {@code current}. */
    Optional<JourneyState> next(JourneyState current, JourneyEvent event, String text) {
        StateMachine<JourneyState, JourneyEvent> machine = take(current);
        var message = MessageBuilder.withPayload(event).setHeader(TEXT_HEADER, text == null ? "" : text).build();
        StateMachineEventResult<JourneyState, JourneyEvent> result = machine.sendEvent(Mono.just(message)).blockLast();
        boolean fired = Boolean.TRUE.equals(machine.getExtendedState().getVariables().get(FIRED));
        JourneyState reached = machine.getState().getId();
        if (!machine.hasStateMachineError()) {
            idle.get(reached).offer(machine); // a machine whose event threw or erred is dropped
        }
        if (result == null || result.getResultType() != ResultType.ACCEPTED || !fired) {
            return Optional.empty();
        }
        return Optional.of(reached);
    }

    /** A machine in {@code state} with a fresh extended state: an idle one already there, else any idle one restored. */
    private StateMachine<JourneyState, JourneyEvent> take(JourneyState state) {
        StateMachine<JourneyState, JourneyEvent> machine = idle.get(state).poll();
        if (machine != null) {
            machine.getExtendedState().getVariables().clear();
            return machine;
        }
        for (Queue<StateMachine<JourneyState, JourneyEvent>> others : idle.values()) {
            machine = others.poll();
            if (machine != null) {
                break;
            }
        }
        if (machine == null) {
            machine = build();
        }
        restore(machine, state);
        return machine;
    }

    private static void restore(StateMachine<JourneyState, JourneyEvent> machine, JourneyState state) {
        machine.stopReactively().block();
        var context = new DefaultStateMachineContext<JourneyState, JourneyEvent>(state, null, null, new DefaultExtendedState());
        machine.getStateMachineAccessor().doWithAllRegions(access -> access.resetStateMachineReactively(context).block());
        machine.startReactively().block();
        machine.getExtendedState().getVariables().remove(FIRED);
    }

    static StateMachine<JourneyState, JourneyEvent> build() {
        try {
            StateMachineBuilder.Builder<JourneyState, JourneyEvent> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            builder.configureStates().withStates().initial(MENU).states(EnumSet.allOf(JourneyState.class));
            JourneyTransitions.configure(builder.configureTransitions());
            StateMachine<JourneyState, JourneyEvent> machine = builder.build();
            machine.getStateMachineAccessor().doWithAllRegions(access -> access.addStateMachineInterceptor(new FiredMarker()));
            return machine;
        } catch (Exception e) {
            throw new IllegalStateException("journey state machine definition is invalid", e);
        }
    }

    private static final class FiredMarker extends StateMachineInterceptorAdapter<JourneyState, JourneyEvent> {
        @Override
        public StateContext<JourneyState, JourneyEvent> postTransition(StateContext<JourneyState, JourneyEvent> context) {
            context.getExtendedState().getVariables().put(FIRED, Boolean.TRUE);
            return context;
        }
    }
}
