package dev.esimbot.sandbox;

import org.springframework.http.HttpStatus;

/** The sandbox refuses a request the way billing would: a status and one of the contract's error codes. */
final class SandboxRejection extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    SandboxRejection(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static SandboxRejection badRequest(String code, String message) {
        return new SandboxRejection(HttpStatus.BAD_REQUEST, code, message);
    }

    static SandboxRejection notFound(String code, String message) {
        return new SandboxRejection(HttpStatus.NOT_FOUND, code, message);
    }

    static SandboxRejection conflict(String code, String message) {
        return new SandboxRejection(HttpStatus.CONFLICT, code, message);
    }

    static SandboxRejection unprocessable(String code, String message) {
        return new SandboxRejection(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }

    static SandboxRejection unavailable(String code, String message) {
        return new SandboxRejection(HttpStatus.SERVICE_UNAVAILABLE, code, message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
