package dev.esimbot.billing;

/**
 * Billing could not be reached or did not answer usefully: connect failure, timeout, 5xx, or 429/503 after all
 * retries. The request may be tried again later.
 */
public class BillingUnavailableException extends RuntimeException {

    public BillingUnavailableException(String message) {
        super(message);
    }

    public BillingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
