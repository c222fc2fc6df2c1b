package dev.esimbot.conversation;

/**
 * An eSIM was renewed (its receipt went out) or its auto-renew turned on: reminders about its end, made before now,
 * no longer matter. Published after the change; the notices feature listens.
 */
public record EsimCovered(long chatId, String iccid) {
}
