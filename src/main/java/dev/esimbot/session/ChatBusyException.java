package dev.esimbot.session;

import dev.esimbot.ops.Retryable;

/**
 * The chat stayed locked by another update (here or on another instance) for longer than the configured wait. The
 * update queue keeps the update and tries again: the lock's holder finishes, or its lease lapses if it died.
 */
public class ChatBusyException extends RuntimeException implements Retryable {

    public ChatBusyException(long chatId) {
        super("chat " + chatId + " is busy");
    }
}
