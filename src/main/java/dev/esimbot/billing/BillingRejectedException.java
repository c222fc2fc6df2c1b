package dev.esimbot.billing;

/** Billing answered with a 4xx that retrying will not change; {@link #code()} is the contract's error code. */
public class BillingRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public BillingRejectedException(int status, String code, String message) {
        super("billing rejected the request: " + status + " " + code + (message == null ? "" : " - " + message));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
