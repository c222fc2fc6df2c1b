package dev.esimbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI file and the sandbox describe the same API: every operation on one side exists on the other. */
class OpenApiContractTest extends SandboxHttpTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Map<String, Object> spec;

    @BeforeEach
    void load() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/billing-api.yaml")) {
            spec = new Yaml().load(in);
        }
    }

    @Test
    void everyContractOperationIsServedByTheSandbox() {
        Set<String> served = served();

        assertThat(contractOperations()).isNotEmpty().allSatisfy(operation -> assertThat(served)
                .as("sandbox serves " + operation).contains(operation));
    }

    @Test
    void everySandboxOperationIsInTheContract() {
        Set<String> sandboxOnly = Set.of("PUT /_admin/customers/{}", "PUT /_admin/customers/{}/faults",
                "POST /_admin/orders/{}/fulfil");

        Set<String> served = new HashSet<>(served());
        served.removeAll(sandboxOnly);

        assertThat(contractOperations()).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void webhookIsDocumentedAndReceivedByTheBot() {
        Map<String, Object> webhooks = map(spec.get("x-webhooks"));

        assertThat(map(webhooks.get("billingEvent"))).containsKey("post");
        assertThat(allOperations()).contains("POST /webhooks/billing");
    }

    @Test
    void everyReferenceResolves() {
        Matcher refs = Pattern.compile("#/components/(\\w+)/(\\w+)").matcher(spec.toString());
        Map<String, Object> components = map(spec.get("components"));
        List<String> missing = new ArrayList<>();
        while (refs.find()) {
            Object section = components.get(refs.group(1));
            if (section == null || !map(section).containsKey(refs.group(2))) {
                missing.add(refs.group());
            }
        }
        assertThat(missing).isEmpty();
    }

    private Set<String> contractOperations() {
        Set<String> operations = new HashSet<>();
        map(spec.get("paths")).forEach((path, item) -> map(item).keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + normalize(path))));
        return operations;
    }

    /** Sandbox operations relative to its base, e.g. {@code GET /customers/{}/esims}. */
    private Set<String> served() {
        Set<String> served = new HashSet<>();
        for (String operation : allOperations()) {
            String[] parts = operation.split(" ", 2);
            if (parts[1].startsWith(SandboxApi.BASE + "/")) {
                served.add(parts[0] + " " + parts[1].substring(SandboxApi.BASE.length()));
            }
        }
        return served;
    }

    private Set<String> allOperations() {
        Set<String> operations = new HashSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    operations.add(method.name() + " " + normalize(pattern));
                }
            }
        }
        return operations;
    }

    private static String normalize(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
