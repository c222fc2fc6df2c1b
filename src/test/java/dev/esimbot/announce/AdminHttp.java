package dev.esimbot.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The admin API over real HTTP, as an operator's curl would call it. */
public final class AdminHttp {

    public static final String TOKEN = "test-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public AdminHttp(String appBaseUrl) {
        this.baseUrl = appBaseUrl + "/admin/announcements";
    }

    HttpResponse<String> post(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    HttpResponse<String> get(long id, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + id)).GET();
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    /** Starts an announcement with the right token and returns its id. */
    public long start(String body) {
        HttpResponse<String> response = post(body, TOKEN);
        if (response.statusCode() != 202) {
            throw new AssertionError("POST answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).path("id").asLong();
    }

    public JsonNode progress(long id) {
        return json(get(id, TOKEN));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
