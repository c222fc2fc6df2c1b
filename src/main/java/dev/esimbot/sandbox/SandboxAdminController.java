package dev.esimbot.sandbox;

import dev.esimbot.billing.Order;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Not part of the billing contract: lets tests and local mode reset a customer to a known profile, switch faults on
 * for a customer, and complete a stalled renewal as billing's staff would.
 */
@RestController
@ConditionalOnSandbox
class SandboxAdminController {

    private final SandboxControl control;

    SandboxAdminController(SandboxControl control) {
        this.control = control;
    }

    @PutMapping(SandboxApi.BASE + "/_admin/customers/{customerId}")
    ResponseEntity<Void> reset(@PathVariable long customerId, @RequestBody Reset body) {
        control.reset(customerId, SandboxProfile.parse(body.profile()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(SandboxApi.BASE + "/_admin/customers/{customerId}/faults")
    ResponseEntity<Void> faults(@PathVariable long customerId, @RequestBody Faults body) {
        List<String> names = body.faults() == null ? List.of() : body.faults();
        control.faults(customerId, names.stream().map(SandboxFault::parse).collect(Collectors.toSet()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(SandboxApi.BASE + "/_admin/orders/{orderId}/fulfil")
    Order fulfil(@PathVariable String orderId) {
        return control.fulfilStalled(orderId);
    }

    record Reset(String profile) {
    }

    record Faults(List<String> faults) {
    }
}
