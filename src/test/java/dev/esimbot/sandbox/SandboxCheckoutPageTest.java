package dev.esimbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.billing.Order;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SandboxCheckoutPageTest extends SandboxHttpTest {

    @Test
    void pageShowsTheOrderAndBothButtonsInEnglishByDefault() throws Exception {
        Order order = newOrder();

        HttpResponse<String> page = send("GET", "/sandbox/checkout/" + order.id(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Peru Weekly 3 GB", "9.99 USD", order.id(), "Pay", "Decline",
                "value=\"paid\"", "value=\"declined\"", "8985********");
        assertThat(page.body()).doesNotContain(order.iccid());
    }

    @Test
    void pageIsSelfContained() throws Exception {
        String html = send("GET", "/sandbox/checkout/" + newOrder().id(), null).body();

        assertThat(html).doesNotContain("<script", "<link", "src=\"http", "href=\"http");
    }

    @Test
    void langParameterOrAcceptLanguageChoosesChinese() throws Exception {
        Order order = newOrder();

        String byParameter = send("GET", "/sandbox/checkout/" + order.id() + "?lang=zh-CN", null).body();
        String byHeader = send("GET", "/sandbox/checkout/" + order.id(), null,
                "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").body();

        assertThat(byParameter).contains("沙盒结账", "支付", "拒绝");
        assertThat(byHeader).contains("沙盒结账");
    }

    @Test
    void unknownOrderShowsNotFound() throws Exception {
        HttpResponse<String> page = send("GET", "/sandbox/checkout/SBX-0", null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This order does not exist.");
    }

    private Order newOrder() {
        long customer = newCustomer();
        return billing.createOrder(customer, SandboxIccids.of(customer, SandboxIccids.PERU), "pe-7d",
                "k-" + customer);
    }
}
