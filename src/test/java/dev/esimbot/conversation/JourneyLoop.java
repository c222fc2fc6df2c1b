package dev.esimbot.conversation;

import org.springframework.context.ApplicationContext;

/**
 * For the benchmark's raw floor (another package): fires events at the application's {@link JourneyMachine} bean as
 * {@link Conversation} does, in a loop through the link steps that needs no billing:
 * MENU -LINK-> LINK_ICCID -HELP-> LINK_ICCID -TEXT-> LINK_CODE -CANCEL-> MENU.
 */
public final class JourneyLoop {

    private static final JourneyEvent[] EVENTS = {JourneyEvent.LINK, JourneyEvent.HELP, JourneyEvent.TEXT, JourneyEvent.CANCEL};

    private final JourneyMachine machine;

    public JourneyLoop(ApplicationContext context) {
        this.machine = context.getBean(JourneyMachine.class);
    }

    /** The state after the {@code step}-th event of the loop, starting from {@code state} (a stored state name or null). */
    public String fire(String state, long step) {
        JourneyState current = JourneyState.parse(state);
        JourneyEvent event = EVENTS[(int) (step % EVENTS.length)];
        return machine.next(current, event, "hello")
                .orElseThrow(() -> new IllegalStateException(event + " was refused in " + current + ": the loop is out of step"))
                .name();
    }
}
