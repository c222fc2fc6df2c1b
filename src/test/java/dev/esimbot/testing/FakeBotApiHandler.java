package dev.esimbot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@code /bot<token>/<method>} requests into recorded calls, applies injected faults and answers. */
final class FakeBotApiHandler implements HttpHandler {

    /** The library adds a {@code test/} segment for Telegram's test environment. */
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/(?:test/)?([^/]+)/?");

    private final BotMethods methods;
    private final CallLog calls;
    private final Faults faults;
    private final TelegramLimits limits;

    FakeBotApiHandler(BotMethods methods, CallLog calls, Faults faults, TelegramLimits limits) {
        this.methods = methods;
        this.calls = calls;
        this.faults = faults;
        this.limits = limits;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, answer(exchange));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ApiReply answer(HttpExchange exchange) throws IOException, InterruptedException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            return ApiReply.notFound();
        }
        Call call;
        try {
            call = new Call(path.group(1), methods.canonical(path.group(2)), RequestBodies.read(exchange),
                    Instant.now());
        } catch (IllegalArgumentException badJson) {
            return ApiReply.badRequest("can't parse JSON encoded parameters: " + badJson.getMessage());
        }
        calls.record(call);
        pause(faults.takeDelay(call.method()));
        return faults.takeFailure(call.method()).or(() -> limits.check(call)).orElseGet(() -> methods.handle(call));
    }

    private static void pause(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
    }

    private static void send(HttpExchange exchange, ApiReply reply) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
