package dev.esimbot.sandbox;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Not part of the billing contract: lets tests and local mode reset a customer to a known profile. */
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

    record Reset(String profile) {
    }
}
