package dev.esimbot.sandbox;

import static dev.esimbot.sandbox.SandboxApi.required;

import dev.esimbot.billing.ExpiringPage;
import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contract's order endpoints and the scans for expiry notices (eSIMs ending soon, eSIMs low on data). */
@RestController
@RequestMapping(SandboxApi.BASE)
@ConditionalOnSandbox
class SandboxOrderController {

    private static final int MAX_LIMIT = 500;

    private final SandboxOrders orders;
    private final SandboxAccounts accounts;

    SandboxOrderController(SandboxOrders orders, SandboxAccounts accounts) {
        this.orders = orders;
        this.accounts = accounts;
    }

    /** 201 for a new order, 200 when the key was seen with the same request before. */
    @PostMapping("/orders")
    ResponseEntity<Order> create(@RequestHeader("Idempotency-Key") String key, @RequestBody NewOrder body) {
        SandboxOrders.Placed placed = orders.place(required(key, "Idempotency-Key"),
                required(body.customerId(), "customerId"), required(body.iccid(), "iccid"),
                required(body.planId(), "planId"));
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.order());
    }

    /** 201 when the charge pays the order, 200 when the same charge was reported before. */
    @PostMapping("/orders/{orderId}/telegram-payments")
    ResponseEntity<Order> telegramPayment(@PathVariable String orderId,
            @RequestHeader("Idempotency-Key") String key, @RequestBody TelegramPayment body) {
        required(key, "Idempotency-Key");
        Money amount = required(body.amount(), "amount");
        SandboxOrders.Placed placed = orders.payByTelegram(orderId, required(body.telegramChargeId(), "telegramChargeId"),
                new Money(amount.amountMinor(), required(amount.currency(), "amount.currency")));
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.order());
    }

    @GetMapping("/orders/{orderId}")
    Order order(@PathVariable String orderId) {
        return orders.order(orderId);
    }

    @GetMapping("/customers/{customerId}/orders")
    List<Order> orders(@PathVariable long customerId, @RequestParam(defaultValue = "5") int limit) {
        return orders.orders(customerId, limit(limit));
    }

    @GetMapping("/esims/expiring")
    ExpiringPage expiring(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit) {
        return accounts.expiring(instant(from), instant(to), cursor, limit(limit));
    }

    @GetMapping("/esims/low-data")
    ExpiringPage lowData(@RequestParam(defaultValue = "10") int maxPercent,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit) {
        if (maxPercent < 0 || maxPercent > 100) {
            throw SandboxRejection.badRequest("bad_request", "maxPercent must be between 0 and 100");
        }
        return accounts.lowData(maxPercent, cursor, limit(limit));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw SandboxRejection.badRequest("bad_request", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ex) {
            throw SandboxRejection.badRequest("bad_request", "from and to must be ISO-8601 instants");
        }
    }

    record NewOrder(Long customerId, String iccid, String planId) {
    }

    record TelegramPayment(String telegramChargeId, String providerChargeId, Money amount) {
    }
}
