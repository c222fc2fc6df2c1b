package dev.esimbot.session;

/**
 * The chat's lock lease ran out while the work ran, and another holder took it: the session was not written, so the
 * other holder's newer state stands.
 */
public class ChatLeaseLostException extends RuntimeException {

    public ChatLeaseLostException(long chatId) {
        super("chat " + chatId + " lock lease lost before the session was saved");
    }
}
