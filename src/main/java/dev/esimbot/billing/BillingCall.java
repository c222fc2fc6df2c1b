package dev.esimbot.billing;

/**
 * One request to billing. {@code template} is the contract's path template, the only form of the path that is
 * logged (the real path holds ICCIDs).
 */
record BillingCall(String method, String template, String path, byte[] body, String idempotencyKey, Replay replay) {

    /** When a failed attempt may be sent again. */
    enum Replay {
        /** A GET, or a POST that carries an Idempotency-Key: billing answers a repeat with the same result. */
        ANY_TRANSIENT_FAILURE,
        /** Other writes: only where billing surely processed nothing (429, 503, connection not established). */
        ONLY_IF_NOT_PROCESSED
    }

    static BillingCall get(String template, String path) {
        return new BillingCall("GET", template, path, null, null, Replay.ANY_TRANSIENT_FAILURE);
    }

    static BillingCall write(String method, String template, String path, byte[] body) {
        return new BillingCall(method, template, path, body, null, Replay.ONLY_IF_NOT_PROCESSED);
    }

    static BillingCall keyedPost(String template, String path, byte[] body, String idempotencyKey) {
        return new BillingCall("POST", template, path, body, idempotencyKey, Replay.ANY_TRANSIENT_FAILURE);
    }
}
