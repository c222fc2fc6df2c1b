package dev.esimbot.billing;

import dev.esimbot.ops.LastContact;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing REST API (contract: {@code openapi/billing-api.yaml}). Every method throws
 * {@link BillingRejectedException} when billing refuses (4xx) and {@link BillingUnavailableException} when it cannot
 * be reached or keeps failing after the retries.
 */
@Component
public class BillingClient {

    private static final TypeReference<List<Esim>> ESIMS = new TypeReference<>() { };
    private static final TypeReference<List<Plan>> PLANS = new TypeReference<>() { };
    private static final TypeReference<List<Order>> ORDERS = new TypeReference<>() { };

    private final BillingTransport transport;
    private final JsonMapper json;
    /** Its times are only shown in the health details, so the system clock is fine here. */
    private final LastContact contact = new LastContact(java.time.Clock.systemUTC());

    BillingClient(BillingProperties properties, Environment environment, JsonMapper jsonMapper) {
        this.json = BillingJson.tolerant(jsonMapper);
        this.transport = new BillingTransport(properties, new BillingBaseUrl(properties, environment), json, contact);
    }

    /** The last contact with billing, for the health endpoint. */
    public LastContact contact() {
        return contact;
    }

    public List<Esim> esims(long customerId) {
        return get("/customers/{customerId}/esims", customer(customerId) + "/esims", ESIMS);
    }

    public Esim esim(long customerId, String iccid) {
        return get("/customers/{customerId}/esims/{iccid}", esimPath(customerId, iccid), Esim.class);
    }

    public Esim linkByToken(long customerId, String token) {
        return write("POST", "/customers/{customerId}/links/token", customer(customerId) + "/links/token",
                Map.of("token", token), Esim.class);
    }

    public LinkChallenge startLink(long customerId, String iccid) {
        return write("POST", "/customers/{customerId}/links/iccid", customer(customerId) + "/links/iccid",
                Map.of("iccid", iccid), LinkChallenge.class);
    }

    public Esim confirmLink(long customerId, String iccid, String code) {
        return write("POST", "/customers/{customerId}/links/iccid/confirm",
                customer(customerId) + "/links/iccid/confirm", Map.of("iccid", iccid, "code", code), Esim.class);
    }

    public List<Plan> plans(long customerId, String iccid) {
        return get("/customers/{customerId}/esims/{iccid}/plans", esimPath(customerId, iccid) + "/plans", PLANS);
    }

    public Esim setAutoRenew(long customerId, String iccid, boolean enabled) {
        return write("PUT", "/customers/{customerId}/esims/{iccid}/auto-renew",
                esimPath(customerId, iccid) + "/auto-renew", Map.of("enabled", enabled), Esim.class);
    }

    /** Billing answers a repeat with the same key and body with the same order, so a retry never orders twice. */
    public Order createOrder(long customerId, String iccid, String planId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an order needs an idempotency key");
        }
        byte[] body = json.writeValueAsBytes(Map.of("customerId", customerId, "iccid", iccid, "planId", planId));
        byte[] answer = transport.send(BillingCall.keyedPost("/orders", "/orders", body, idempotencyKey));
        return read(answer, json.constructType(Order.class), "/orders");
    }

    /**
     * Reports a payment Telegram took for the order's invoice. Keyed by the charge id, so a retry or a redelivered
     * update reports it once.
     */
    public Order reportTelegramPayment(String orderId, TelegramCharge charge) {
        Map<String, Object> body = new HashMap<>();
        body.put("telegramChargeId", charge.telegramChargeId());
        body.put("providerChargeId", charge.providerChargeId());
        body.put("amount", charge.amount());
        String path = "/orders/" + segment(orderId) + "/telegram-payments";
        byte[] answer = transport.send(BillingCall.keyedPost("/orders/{orderId}/telegram-payments", path,
                json.writeValueAsBytes(body), "tgpay-" + charge.telegramChargeId()));
        return read(answer, json.constructType(Order.class), "/orders/{orderId}/telegram-payments");
    }

    public Order order(String orderId) {
        return get("/orders/{orderId}", "/orders/" + segment(orderId), Order.class);
    }

    /** The customer's latest orders, newest first. */
    public List<Order> orders(long customerId, int limit) {
        return get("/customers/{customerId}/orders", customer(customerId) + "/orders?limit=" + limit, ORDERS);
    }

    /** eSIMs whose validity ends in [from, to), page by page; pass the previous page's cursor, null at first. */
    public ExpiringPage expiring(Instant from, Instant to, String cursor, int limit) {
        String query = "?from=" + param(from.toString()) + "&to=" + param(to.toString()) + "&limit=" + limit
                + (cursor == null ? "" : "&cursor=" + param(cursor));
        return get("/esims/expiring", "/esims/expiring" + query, ExpiringPage.class);
    }

    /** Active eSIMs with at most {@code maxPercent} of their data left, page by page (the cursor as above). */
    public ExpiringPage lowData(int maxPercent, String cursor, int limit) {
        String query = "?maxPercent=" + maxPercent + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + param(cursor));
        return get("/esims/low-data", "/esims/low-data" + query, ExpiringPage.class);
    }

    private <T> T get(String template, String path, Class<T> type) {
        return get(template, path, json.constructType(type));
    }

    private <T> T get(String template, String path, TypeReference<T> type) {
        return get(template, path, json.constructType(type));
    }

    private <T> T get(String template, String path, JavaType type) {
        return read(transport.send(BillingCall.get(template, path)), type, template);
    }

    private <T> T write(String method, String template, String path, Map<String, ?> body, Class<T> type) {
        byte[] answer = transport.send(BillingCall.write(method, template, path, json.writeValueAsBytes(body)));
        return read(answer, json.constructType(type), template);
    }

    private <T> T read(byte[] body, JavaType type, String template) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException ex) {
            throw new BillingUnavailableException("billing sent an unreadable answer to " + template, ex);
        }
    }

    private static String customer(long customerId) {
        return "/customers/" + customerId;
    }

    private static String esimPath(long customerId, String iccid) {
        return customer(customerId) + "/esims/" + segment(iccid);
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(Objects.requireNonNull(value), StandardCharsets.UTF_8);
    }

    private static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
