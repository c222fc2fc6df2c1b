package dev.esimbot.billing;

/** Billing sent a one-time code to the purchase e-mail, shown to the user only masked. */
public record LinkChallenge(String maskedEmail) {
}
