package dev.esimbot.billing;

/** An eSIM that expires in the asked window, with its owner. */
public record ExpiringEsim(long customerId, Esim esim) {
}
