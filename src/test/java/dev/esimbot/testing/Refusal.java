package dev.esimbot.testing;

import java.time.Instant;

/**
 * A call the fake refused while enforcing Telegram's limits: 429 (too many, with {@code retryAfter} seconds) or 403
 * (the chat blocked the bot, {@code retryAfter} null).
 */
public record Refusal(long chatId, int errorCode, Integer retryAfter, Instant at) {
}
