package dev.esimbot.billing;

import dev.esimbot.billing.BillingCall.Replay;
import dev.esimbot.ops.LastContact;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Sends a {@link BillingCall} over HTTP with timeouts and the retry rules; logs method, template and status only. */
final class BillingTransport {

    private static final Logger log = LoggerFactory.getLogger(BillingTransport.class);
    private static final String BUSINESS_LOCK = "too_many_attempts";

    private final HttpClient http;
    private final BillingBaseUrl baseUrl;
    private final BillingProperties properties;
    private final RetryPolicy retry;
    private final JsonMapper json;
    private final LastContact contact;
    /** BILLING_MAX_CONCURRENT requests at billing at once; fair, so the callers beyond it are served in order. */
    private final Semaphore slots;

    BillingTransport(BillingProperties properties, BillingBaseUrl baseUrl, JsonMapper json, LastContact contact) {
        this.contact = contact;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        this.baseUrl = baseUrl;
        this.properties = properties;
        this.retry = new RetryPolicy(properties.maxAttempts(), properties.retryBackoff(), properties.maxRetryAfter());
        this.json = json;
        this.slots = new Semaphore(properties.maxConcurrent(), true);
    }

    /** The body of the 2xx answer, or an exception saying whether billing refused or could not be reached. */
    byte[] send(BillingCall call) {
        HttpRequest request = request(call);
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = exchange(call, request, attempt);
            if (outcome.body() != null) {
                return outcome.body();
            }
            if (outcome.retryDelay() == null || !retry.hasAttemptAfter(attempt)) {
                throw outcome.failure();
            }
            log.info("billing {} {}: retrying in {} ms", call.method(), call.template(),
                    outcome.retryDelay().toMillis());
            pause(outcome.retryDelay());
        }
    }

    private Outcome exchange(BillingCall call, HttpRequest request, int attempt) {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = sendInTurn(call, request);
            if (response.statusCode() < 500) {
                contact.reached();
            } else {
                contact.failed("http_" + response.statusCode());
            }
            log.debug("billing {} {} -> {} in {} ms (attempt {})", call.method(), call.template(),
                    response.statusCode(), (System.nanoTime() - started) / 1_000_000, attempt);
            return answered(call, response, attempt);
        } catch (IOException ex) {
            return unreachable(call, ex, attempt);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new BillingUnavailableException("interrupted while calling billing", ex);
        }
    }

    /**
     * Sends once a request slot is free, waiting for it at most the read timeout: billing is then too slow for the
     * callers waiting, and this one fails as a timeout would (the user is offered Try again), not retried.
     */
    private HttpResponse<byte[]> sendInTurn(BillingCall call, HttpRequest request) throws IOException, InterruptedException {
        if (!slots.tryAcquire(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("billing {} {}: all {} request slots busy for {}; given up", call.method(), call.template(),
                    properties.maxConcurrent(), properties.readTimeout());
            throw new BillingUnavailableException("billing " + call.method() + " " + call.template()
                    + ": no request slot free within " + properties.readTimeout());
        }
        try {
            return http.send(request, BodyHandlers.ofByteArray());
        } finally {
            slots.release();
        }
    }

    private Outcome answered(BillingCall call, HttpResponse<byte[]> response, int attempt) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Outcome(response.body(), null, null);
        }
        RuntimeException failure = failure(call, status, response.body());
        if (!mayRetry(call, status, failure)) {
            return new Outcome(null, failure, null);
        }
        boolean throttled = status == 429 || status == 503;
        return new Outcome(null, failure,
                throttled ? retry.delayAfter(attempt, response.headers()) : retry.backoff(attempt));
    }

    /** A connection never established means billing processed nothing, so even a plain write may go again. */
    private Outcome unreachable(BillingCall call, IOException ex, int attempt) {
        String reason = ex.getClass().getSimpleName();
        contact.failed(reason);
        log.warn("billing {} {} failed: {} (attempt {})", call.method(), call.template(), reason, attempt);
        boolean notSent = ex instanceof ConnectException || ex instanceof HttpConnectTimeoutException;
        boolean retryable = notSent || call.replay() == Replay.ANY_TRANSIENT_FAILURE;
        var failure = new BillingUnavailableException(
                "billing " + call.method() + " " + call.template() + " failed: " + reason, ex);
        return new Outcome(null, failure, retryable ? retry.backoff(attempt) : null);
    }

    private HttpRequest request(BillingCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl.get() + call.path()))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Accept", "application/json");
        if (call.idempotencyKey() != null) {
            builder.header("Idempotency-Key", call.idempotencyKey());
        }
        if (call.body() == null) {
            return builder.method(call.method(), BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(call.method(), BodyPublishers.ofByteArray(call.body())).build();
    }

    private RuntimeException failure(BillingCall call, int status, byte[] body) {
        ErrorBody error = errorBody(status, body);
        log.warn("billing {} {} -> {} {}", call.method(), call.template(), status, error.code());
        boolean rejected = status / 100 == 4 && (status != 429 || BUSINESS_LOCK.equals(error.code()));
        if (rejected) {
            return new BillingRejectedException(status, error.code(), error.message());
        }
        return new BillingUnavailableException("billing " + call.method() + " " + call.template()
                + " answered " + status);
    }

    /** 429 (rate limit) and 503 mean nothing was processed; other 5xx only for replay-safe calls. */
    private static boolean mayRetry(BillingCall call, int status, RuntimeException failure) {
        if (!(failure instanceof BillingUnavailableException)) {
            return false;
        }
        return status == 429 || status == 503 || (status >= 500 && call.replay() == Replay.ANY_TRANSIENT_FAILURE);
    }

    private ErrorBody errorBody(int status, byte[] body) {
        try {
            ErrorBody parsed = json.readValue(body, ErrorBody.class);
            if (parsed != null && parsed.code() != null) {
                return parsed;
            }
        } catch (JacksonException ex) {
            // not the contract's error JSON (a proxy page, an empty body): fall through to the status
        }
        return new ErrorBody("http_" + status, null);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new BillingUnavailableException("interrupted while waiting to retry billing", ex);
        }
    }

    private record ErrorBody(String code, String message) {
    }

    /** Either a body, or a failure with the delay before the next attempt (null: do not retry). */
    private record Outcome(byte[] body, RuntimeException failure, Duration retryDelay) {
    }
}
