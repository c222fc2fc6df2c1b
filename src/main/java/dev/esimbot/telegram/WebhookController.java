package dev.esimbot.telegram;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Where Telegram posts updates in webhook mode. 200 means the update is stored in the update queue (Redis), so
 * Telegram may forget it; any other answer makes Telegram send it again later. Wrong or missing secret: 401; a body
 * that is not an update: 400; larger than any update: 413; stopping, over the backlog bound or Redis down: 503.
 * Nothing is stored unless 200. The secret is checked before the body is read, so a stranger cannot make the bot
 * read (and hold) a body at all. When Redis cannot store an update, its user is told, once, that the bot is temporarily
 * unavailable (as in long polling), and the 503 keeps it with Telegram; it is handled, in order, once stored.
 */
@Conditional(TelegramMode.Webhook.class)
@RestController
class WebhookController {

    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Far above any update Telegram sends (a message is at most 4096 characters, a caption 1024, plus metadata). */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final byte[] secret;
    private final UpdateQueue queue;
    private final UpdatePipeline pipeline;

    WebhookController(TelegramProperties properties, UpdateQueue queue, UpdatePipeline pipeline) {
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.queue = queue;
        this.pipeline = pipeline;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        String token = request.getHeader(SECRET_HEADER);
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            log.warn("webhook request without the right secret token; refused");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Optional<String> body = bounded(request);
        if (body.isEmpty()) {
            log.warn("webhook body over {} bytes; refused", MAX_BODY_BYTES);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        return store(body.get());
    }

    private ResponseEntity<Void> store(String body) {
        Optional<Update> update = body.isBlank() ? Optional.empty() : BotApiJson.read(body);
        if (update.isEmpty()) {
            log.warn("webhook body is not a Telegram update; refused");
            return ResponseEntity.badRequest().build();
        }
        if (!queue.accepting()) {
            log.warn("update={} refused with 503: {}", update.get().getUpdateId(), queue.stopping() ? "stopping" : "backlog full");
            return unavailable();
        }
        try {
            queue.store(update.get(), body);
        } catch (JedisException e) {
            log.warn("update={} not stored, Redis failed ({}); Telegram sends it again", update.get().getUpdateId(),
                    e.getClass().getSimpleName());
            pipeline.tellUnavailable(List.of(update.get()));
            return unavailable();
        }
        return ResponseEntity.ok().build();
    }

    /** The body, or empty when it is longer than {@link #MAX_BODY_BYTES} (read no further than that). */
    private static Optional<String> bounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static ResponseEntity<Void> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").build();
    }
}
