package dev.esimbot.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The payment provider's page in sandbox mode. The form posts the outcome, then redirects back (post/redirect/get),
 * so reloading the result does not submit again.
 */
@RestController
@ConditionalOnSandbox
class SandboxCheckoutController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final SandboxOrders orders;
    private final CheckoutPage page;

    SandboxCheckoutController(SandboxOrders orders, CheckoutPage page) {
        this.orders = orders;
        this.page = page;
    }

    @GetMapping(SandboxUrls.CHECKOUT_PATH + "{orderId}")
    ResponseEntity<String> show(@PathVariable String orderId, @RequestParam(required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        Locale locale = CheckoutPage.locale(lang, acceptLanguage);
        try {
            return ResponseEntity.ok().contentType(HTML).body(page.render(orders.order(orderId), locale));
        } catch (SandboxRejection notFound) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body(page.notFound(locale));
        }
    }

    @PostMapping(SandboxUrls.CHECKOUT_PATH + "{orderId}")
    ResponseEntity<String> decide(@PathVariable String orderId, @RequestParam String outcome,
            @RequestParam(required = false) String lang) {
        Locale locale = CheckoutPage.locale(lang, null);
        if (!outcome.equals("paid") && !outcome.equals("declined")) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("outcome must be 'paid' or 'declined'");
        }
        try {
            orders.complete(orderId, outcome.equals("paid"));
        } catch (SandboxRejection notFound) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body(page.notFound(locale));
        }
        URI back = UriComponentsBuilder.fromPath(SandboxUrls.CHECKOUT_PATH + "{orderId}")
                .queryParam("lang", locale.toLanguageTag()).buildAndExpand(orderId).encode().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).build();
    }
}
