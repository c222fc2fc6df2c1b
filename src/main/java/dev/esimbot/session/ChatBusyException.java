package dev.esimbot.session;

/** The chat stayed locked by another update (here or on another instance) for longer than the configured wait. */
public class ChatBusyException extends RuntimeException {

    public ChatBusyException(long chatId) {
        super("chat " + chatId + " is busy");
    }
}
