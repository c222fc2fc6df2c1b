package dev.esimbot.announce;

/**
 * How far an announcement got, as the admin API answers it and the staff group sees it.
 *
 * @param state  {@code fanning-out} (recipients still being queued), {@code sending}, or {@code done}
 * @param queued recipients queued so far; {@code sent + failed + blocked + left = queued}
 */
public record Progress(long id, String audience, String state, long queued, long sent, long failed, long blocked,
                       long left) {

    boolean done() {
        return "done".equals(state);
    }
}
