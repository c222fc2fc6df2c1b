package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One HTTP answer in the shape of the real Bot API: {@code {"ok":true,"result":...}} or an error. */
record ApiReply(int status, ObjectNode body) {

    static final String NOT_FOUND = "Not Found";

    static ApiReply ok(JsonNode result) {
        ObjectNode body = Json.object().put("ok", true);
        body.set("result", result);
        return new ApiReply(200, body);
    }

    static ApiReply okTrue() {
        return ok(BooleanNode.TRUE);
    }

    static ApiReply error(int errorCode, String description) {
        return error(errorCode, description, null);
    }

    static ApiReply error(int errorCode, String description, Integer retryAfter) {
        ObjectNode body = Json.object()
                .put("ok", false)
                .put("error_code", errorCode)
                .put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return new ApiReply(errorCode, body);
    }

    static ApiReply badRequest(String detail) {
        return error(400, "Bad Request: " + detail);
    }

    static ApiReply notFound() {
        return error(404, NOT_FOUND);
    }
}
