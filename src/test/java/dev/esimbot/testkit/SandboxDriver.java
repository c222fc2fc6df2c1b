package dev.esimbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a test does to the billing sandbox over HTTP: reset a customer, pay or decline a checkout, count orders. */
public final class SandboxDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String billingUrl;

    /** @param appBaseUrl where the app that hosts the sandbox listens, e.g. http://localhost:8080 */
    public SandboxDriver(String appBaseUrl) {
        this.billingUrl = appBaseUrl + "/sandbox/billing";
    }

    public void reset(long customerId, String profile) {
        send(HttpRequest.newBuilder(URI.create(billingUrl + "/_admin/customers/" + customerId))
                .header("Authorization", "Bearer sandbox").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"profile\":\"" + profile + "\"}")).build());
    }

    /** Switches on exactly these sandbox faults for the customer: orders-unavailable, renewal-fails, renewal-stalls. */
    public void faults(long customerId, String... faults) {
        String list = faults.length == 0 ? "" : "\"" + String.join("\",\"", faults) + "\"";
        send(HttpRequest.newBuilder(URI.create(billingUrl + "/_admin/customers/" + customerId + "/faults"))
                .header("Authorization", "Bearer sandbox").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"faults\":[" + list + "]}")).build());
    }

    /** Completes a paid order whose renewal stalled, as billing's staff would. */
    public void fulfil(String orderId) {
        send(HttpRequest.newBuilder(URI.create(billingUrl + "/_admin/orders/" + orderId + "/fulfil"))
                .header("Authorization", "Bearer sandbox").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public JsonNode orders(long customerId) {
        return json(send(HttpRequest.newBuilder(URI.create(billingUrl + "/customers/" + customerId + "/orders?limit=100"))
                .header("Authorization", "Bearer sandbox").GET().build()));
    }

    /** Submits the checkout page's form, as the user's browser does. */
    public void checkout(String checkoutUrl, String outcome) {
        send(HttpRequest.newBuilder(URI.create(checkoutUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("outcome=" + outcome)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
