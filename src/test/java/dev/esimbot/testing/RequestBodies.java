package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads Bot API parameters the ways the real server accepts them: a JSON body, a form body and the query string.
 * Multipart bodies (setWebhook, uploads) give their text parts as parameters; file parts are skipped.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static ObjectNode read(HttpExchange exchange) throws IOException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ObjectNode params = Json.object();
        addForm(params, exchange.getRequestURI().getRawQuery());
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.contains("application/x-www-form-urlencoded")) {
            addForm(params, raw);
        } else if (type.contains("multipart/form-data") && type.contains("boundary=")) {
            addMultipart(params, raw, type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", ""));
        } else if (raw.trim().startsWith("{")) {
            params.setAll(Json.parseObject(raw));
        }
        return params;
    }

    private static void addForm(ObjectNode params, String form) {
        if (form == null || form.isBlank()) {
            return;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.set(name, formValue(value));
        }
    }

    private static void addMultipart(ObjectNode params, String raw, String boundary) {
        for (String part : raw.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int blank = part.indexOf("\r\n\r\n");
            int name = part.indexOf("name=\"");
            if (blank < 0 || name < 0 || name > blank || part.substring(0, blank).contains("filename=")) {
                continue;
            }
            String field = part.substring(name + 6, part.indexOf('"', name + 6));
            String value = part.substring(blank + 4);
            params.set(field, formValue(value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value));
        }
    }

    /** Form values that are objects or arrays (reply_markup, entities) are JSON-encoded strings. */
    private static JsonNode formValue(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return Json.parse(trimmed);
            } catch (IllegalArgumentException notJson) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
