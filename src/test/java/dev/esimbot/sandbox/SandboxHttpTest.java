package dev.esimbot.sandbox;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * One running application of the billing and sandbox packages alone (real Tomcat, real HTTP), shared by the sandbox
 * tests. Webhooks go to a local capture server. Each test uses customers of its own, so tests do not see each other.
 */
@ExtendWith(SpringExtension.class) // named directly so Boot's test filter keeps App out of other tests' scans
@SpringBootTest(classes = SandboxHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"billing.api-url=", "sandbox.webhook-backoff=50ms", "sandbox.webhook-attempts=5"})
abstract class SandboxHttpTest {

    static final WebhookCapture WEBHOOKS = new WebhookCapture();
    private static final AtomicLong CUSTOMERS = new AtomicLong(100_000_000_000L);

    @Value("${local.server.port}")
    int port;
    @Autowired
    BillingClient billing;
    @Autowired
    MutableClock clock;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("sandbox.webhook-url", WEBHOOKS::url);
    }

    @AfterEach
    void resetClock() {
        clock.reset(MutableClock.SCENARIO_TIME);
    }

    /** A Telegram user id no other test uses (near the top of the real range, to prove the ICCID padding). */
    static long newCustomer() {
        return CUSTOMERS.incrementAndGet();
    }

    HttpResponse<String> send(String method, String path, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, jsonBody == null ? BodyPublishers.noBody() : BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String method, String path, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer sandbox";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, "/sandbox/billing" + path, jsonBody, all);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = {BillingClient.class, SandboxControl.class},
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @ConfigurationPropertiesScan(basePackageClasses = {BillingClient.class, SandboxControl.class})
    static class App {

        @Bean
        MutableClock clock() {
            return new MutableClock(MutableClock.SCENARIO_TIME);
        }

        /** The sandbox numbers its orders from a counter in Redis: the real one the tests use. */
        @Bean(destroyMethod = "close")
        UnifiedJedis redis() {
            return TestRedis.client();
        }

        @Bean
        RedisKeys redisKeys() {
            return new RedisKeys(TestRedis.uniquePrefix("sandbox"));
        }
    }
}
