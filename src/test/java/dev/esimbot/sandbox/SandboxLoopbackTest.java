package dev.esimbot.sandbox;

import dev.esimbot.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.BillingEventReceived;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Local mode end to end: with the default webhook URL the sandbox calls this application's own receiver, whose
 * signature check must accept it, and listeners see the order's events in order.
 */
@ExtendWith(SpringExtension.class)
@SpringBootTest(classes = {SandboxHttpTest.App.class, SandboxLoopbackTest.Recorder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "billing.api-url=")
class SandboxLoopbackTest {

    @Autowired
    BillingClient billing;
    @Autowired
    SandboxControl sandbox;
    @Autowired
    Recorder recorder;

    @Test
    void paidOrderReachesTheBotsListenersAsPaidThenFulfilled() throws InterruptedException {
        long customer = 555_000_111L;
        Order order = billing.createOrder(customer, SandboxIccids.of(customer, SandboxIccids.JAPAN), "jp-5d", "k1");

        sandbox.pay(order.id());

        List<BillingEventReceived> events = recorder.await(2);
        assertThat(events).extracting(BillingEventReceived::type)
                .containsExactly(BillingEventReceived.ORDER_PAID, BillingEventReceived.ORDER_FULFILLED);
        assertThat(events.get(1).order().status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(events.get(1).order().newValidUntil()).isEqualTo(MutableClock.SCENARIO_TIME.plus(Duration.ofDays(5)));
    }

    @TestConfiguration
    static class Recorder {

        final List<BillingEventReceived> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(BillingEventReceived event) {
            events.add(event);
        }

        List<BillingEventReceived> await(int count) throws InterruptedException {
            for (int i = 0; i < 500 && events.size() < count; i++) {
                Thread.sleep(20);
            }
            return List.copyOf(events);
        }
    }
}
