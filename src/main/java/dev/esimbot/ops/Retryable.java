package dev.esimbot.ops;

/**
 * A failure that passes (a chat or message another worker still holds): the update queue keeps the update and hands
 * it over again after a back-off, instead of counting it handled or failed.
 */
public interface Retryable {
}
