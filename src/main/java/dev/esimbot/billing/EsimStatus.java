package dev.esimbot.billing;

/** Names are part of the billing contract and may be persisted: do not rename. */
public enum EsimStatus {
    ACTIVE, EXPIRED, NOT_ACTIVATED
}
