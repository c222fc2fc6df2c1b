package dev.esimbot.sandbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Answers the sandbox API's refusals in the contract's error format {@code {"code":..,"message":..}}. */
@RestControllerAdvice(assignableTypes = {SandboxEsimController.class, SandboxOrderController.class,
        SandboxAdminController.class})
@ConditionalOnSandbox
class SandboxApi {

    static final String BASE = "/sandbox/billing";

    @ExceptionHandler
    ResponseEntity<Error> rejected(SandboxRejection rejection) {
        return ResponseEntity.status(rejection.status()).body(new Error(rejection.code(), rejection.getMessage()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Error> malformed(Exception ex) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Error("bad_request", "malformed request"));
    }

    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw SandboxRejection.badRequest("bad_request", field + " is required");
        }
        return value;
    }

    record Error(String code, String message) {
    }
}
