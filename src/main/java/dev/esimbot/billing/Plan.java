package dev.esimbot.billing;

/** A renewal plan offered for one eSIM. {@code promotion} is billing's own text (may be null, may be English only). */
public record Plan(String id, String name, int days, long dataMb, Money price, String promotion) {
}
