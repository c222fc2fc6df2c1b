package dev.esimbot.billing;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives billing's order events. The signature covers the raw bytes, so the body is read as bytes and parsed only
 * after verification. 200 is sent only after every listener of {@link BillingEventReceived} returned; a listener
 * failure answers 500 so billing delivers the event again.
 */
@RestController
class BillingWebhookController {

    static final String PATH = "/webhooks/billing";
    private static final Logger log = LoggerFactory.getLogger(BillingWebhookController.class);

    private final WebhookVerifier verifier;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    BillingWebhookController(WebhookVerifier verifier, JsonMapper json, ApplicationEventPublisher events) {
        this.verifier = verifier;
        this.json = BillingJson.tolerant(json);
        this.events = events;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, String>> receive(
            @RequestHeader(name = WebhookSigner.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = WebhookSigner.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!verifier.verify(timestamp, signature, raw)) {
            return answer(HttpStatus.UNAUTHORIZED, "invalid_signature");
        }
        BillingEventReceived event = parse(raw);
        if (event == null) {
            return answer(HttpStatus.BAD_REQUEST, "malformed_event");
        }
        try {
            events.publishEvent(event);
        } catch (RuntimeException ex) {
            log.error("billing event {} ({}) for order {} failed in a listener", event.eventId(), event.type(),
                    event.order().id(), ex);
            return answer(HttpStatus.INTERNAL_SERVER_ERROR, "listener_failed");
        }
        log.info("billing event {} ({}) for order {} handled", event.eventId(), event.type(), event.order().id());
        return answer(HttpStatus.OK, "received");
    }

    private BillingEventReceived parse(byte[] raw) {
        Payload payload;
        try {
            payload = json.readValue(raw, Payload.class);
        } catch (JacksonException ex) {
            log.warn("billing webhook body is not an event: {}", ex.getClass().getSimpleName());
            return null;
        }
        if (payload == null || payload.id() == null || payload.order() == null || payload.order().id() == null
                || !BillingEventReceived.isKnownType(payload.type())) {
            log.warn("billing webhook without id or order, or of an unknown type");
            return null;
        }
        return new BillingEventReceived(payload.id(), payload.type(), payload.order());
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String code) {
        return ResponseEntity.status(status).body(Map.of("code", code));
    }

    /** The event envelope of the contract. */
    private record Payload(String id, String type, String createdAt, Order order) {
    }
}
