package dev.esimbot.sandbox;

import static dev.esimbot.sandbox.SandboxApi.required;

import dev.esimbot.billing.Esim;
import dev.esimbot.billing.LinkChallenge;
import dev.esimbot.billing.Plan;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contract's customer eSIM endpoints: status, plans, auto-renew and linking. */
@RestController
@RequestMapping(SandboxApi.BASE + "/customers/{customerId}")
@ConditionalOnSandbox
class SandboxEsimController {

    private final SandboxAccounts accounts;

    SandboxEsimController(SandboxAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/esims")
    List<Esim> esims(@PathVariable long customerId) {
        return accounts.esims(customerId);
    }

    @GetMapping("/esims/{iccid}")
    Esim esim(@PathVariable long customerId, @PathVariable String iccid) {
        return accounts.esim(customerId, iccid);
    }

    @GetMapping("/esims/{iccid}/plans")
    List<Plan> plans(@PathVariable long customerId, @PathVariable String iccid) {
        return SandboxCatalog.plans(accounts.esim(customerId, iccid).region());
    }

    @PutMapping("/esims/{iccid}/auto-renew")
    Esim autoRenew(@PathVariable long customerId, @PathVariable String iccid, @RequestBody AutoRenew body) {
        return accounts.setAutoRenew(customerId, iccid, required(body.enabled(), "enabled"));
    }

    @PostMapping("/links/token")
    Esim linkByToken(@PathVariable long customerId, @RequestBody TokenLink body) {
        return accounts.linkByToken(customerId, required(body.token(), "token"));
    }

    @PostMapping("/links/iccid")
    LinkChallenge startLink(@PathVariable long customerId, @RequestBody IccidLink body) {
        return accounts.startLink(customerId, required(body.iccid(), "iccid"));
    }

    @PostMapping("/links/iccid/confirm")
    Esim confirmLink(@PathVariable long customerId, @RequestBody IccidConfirmation body) {
        return accounts.confirmLink(customerId, required(body.iccid(), "iccid"), required(body.code(), "code"));
    }

    record AutoRenew(Boolean enabled) {
    }

    record TokenLink(String token) {
    }

    record IccidLink(String iccid) {
    }

    record IccidConfirmation(String iccid, String code) {
    }
}
