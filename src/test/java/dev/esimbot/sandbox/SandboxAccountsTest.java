package dev.esimbot.sandbox;

import dev.esimbot.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.billing.ExpiringEsim;
import dev.esimbot.billing.ExpiringPage;
import dev.esimbot.billing.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's eSIM side, driven through the real BillingClient over HTTP (so it also proves client and sandbox agree). */
class SandboxAccountsTest extends SandboxHttpTest {

    @Test
    void newCustomerStartsWithTheDemoEsims() {
        long customer = newCustomer();

        List<Esim> esims = billing.esims(customer);

        assertThat(esims).extracting(Esim::iccid).containsExactly(SandboxIccids.of(customer, SandboxIccids.PERU),
                SandboxIccids.of(customer, SandboxIccids.GLOBAL), SandboxIccids.of(customer, SandboxIccids.JAPAN));
        Esim peru = esims.get(0);
        assertThat(peru.status()).isEqualTo(EsimStatus.ACTIVE);
        assertThat(peru.dataLeftMb()).isEqualTo(300);
        assertThat(peru.dataTotalMb()).isEqualTo(3072);
        assertThat(peru.validUntil()).isEqualTo(MutableClock.SCENARIO_TIME.plus(Duration.ofDays(2).plusHours(5)));
        assertThat(esims.get(1).autoRenew()).isTrue();
        assertThat(esims.get(2).status()).isEqualTo(EsimStatus.EXPIRED);
    }

    @Test
    void plansFollowTheEsimsRegion() {
        long customer = newCustomer();

        List<Plan> plans = billing.plans(customer, SandboxIccids.of(customer, SandboxIccids.PERU));

        assertThat(plans).extracting(Plan::id).containsExactly("pe-1d", "pe-7d", "pe-30d");
        assertThat(plans.get(1).price().decimal()).isEqualByComparingTo("9.99");
        assertThat(plans.get(2).promotion()).isEqualTo("-20% first month");
        assertThat(plans.get(0).promotion()).isNull();
    }

    @Test
    void anotherCustomersEsimIsNotFound() {
        long owner = newCustomer();
        billing.esims(owner);

        assertThatThrownBy(() -> billing.esim(newCustomer(), SandboxIccids.of(owner, SandboxIccids.PERU)))
                .isInstanceOfSatisfying(BillingRejectedException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(404);
                    assertThat(ex.code()).isEqualTo("not_found");
                });
    }

    @Test
    void autoRenewCanBeSwitchedOff() {
        long customer = newCustomer();
        String global = SandboxIccids.of(customer, SandboxIccids.GLOBAL);

        assertThat(billing.setAutoRenew(customer, global, false).autoRenew()).isFalse();
        assertThat(billing.esim(customer, global).autoRenew()).isFalse();
    }

    @Test
    void linkingByIccidNeedsTheEmailedCode() {
        // GIVEN a purchase not linked to anyone
        long customer = newCustomer();
        String iccid = SandboxIccids.of(customer, SandboxIccids.UNLINKED_BY_CODE);
        // WHEN the customer starts linking it, THEN the code goes to the masked purchase e-mail
        assertThat(billing.startLink(customer, iccid).maskedEmail()).isEqualTo("d***@example.com");
        // WHEN the customer types a wrong code THEN billing refuses it
        assertThatThrownBy(() -> billing.confirmLink(customer, iccid, "000000"))
                .isInstanceOfSatisfying(BillingRejectedException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(422);
                    assertThat(ex.code()).isEqualTo("invalid_code");
                });
        // WHEN the right code follows THEN the eSIM is linked
        assertThat(billing.confirmLink(customer, iccid, "246810").status()).isEqualTo(EsimStatus.NOT_ACTIVATED);
        assertThat(billing.esims(customer)).extracting(Esim::iccid).contains(iccid);
        assertThatThrownBy(() -> billing.startLink(customer, iccid))
                .isInstanceOfSatisfying(BillingRejectedException.class,
                        ex -> assertThat(ex.code()).isEqualTo("already_linked"));
    }

    @Test
    void fiveWrongCodesLockTheLink() {
        long customer = newCustomer();
        String iccid = SandboxIccids.of(customer, SandboxIccids.UNLINKED_BY_CODE);
        billing.startLink(customer, iccid);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> billing.confirmLink(customer, iccid, "111111"))
                    .isInstanceOf(BillingRejectedException.class);
        }

        assertThatThrownBy(() -> billing.confirmLink(customer, iccid, "246810"))
                .isInstanceOfSatisfying(BillingRejectedException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(429);
                    assertThat(ex.code()).isEqualTo("too_many_attempts");
                });
    }

    @Test
    void unknownIccidCannotBeLinked() {
        assertThatThrownBy(() -> billing.startLink(newCustomer(), "8999999999999999999"))
                .isInstanceOfSatisfying(BillingRejectedException.class,
                        ex -> assertThat(ex.code()).isEqualTo("unknown_iccid"));
    }

    @Test
    void deepLinkTokenLinksThePurchaseOnce() {
        long customer = newCustomer();

        Esim linked = billing.linkByToken(customer, SandboxIccids.demoToken(customer));

        assertThat(linked.iccid()).isEqualTo(SandboxIccids.of(customer, SandboxIccids.UNLINKED_BY_TOKEN));
        assertThatThrownBy(() -> billing.linkByToken(customer, SandboxIccids.demoToken(customer)))
                .isInstanceOfSatisfying(BillingRejectedException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(409);
                    assertThat(ex.code()).isEqualTo("already_linked");
                });
        assertThatThrownBy(() -> billing.linkByToken(customer, "no-such-token"))
                .isInstanceOfSatisfying(BillingRejectedException.class,
                        ex -> assertThat(ex.code()).isEqualTo("invalid_token"));
    }

    @Test
    void adminResetGivesAFreshOrDemoCustomer() throws Exception {
        long customer = newCustomer();
        billing.linkByToken(customer, SandboxIccids.demoToken(customer));

        assertThat(api("PUT", "/_admin/customers/" + customer, "{\"profile\":\"fresh\"}").statusCode()).isEqualTo(204);
        assertThat(billing.esims(customer)).isEmpty();
        assertThat(billing.linkByToken(customer, SandboxIccids.demoToken(customer))).isNotNull();

        assertThat(api("PUT", "/_admin/customers/" + customer, "{\"profile\":\"demo\"}").statusCode()).isEqualTo(204);
        assertThat(billing.esims(customer)).hasSize(3);
        assertThat(api("PUT", "/_admin/customers/" + customer, "{\"profile\":\"vip\"}").body())
                .contains("unknown_profile");
    }

    @Test
    void requestsWithoutTheBearerKeyAreUnauthorized() throws Exception {
        var response = send("GET", "/sandbox/billing/customers/" + newCustomer() + "/esims", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void validityIsSentAsIsoInstant() throws Exception {
        long customer = newCustomer();

        String body = api("GET", "/customers/" + customer + "/esims/" + SandboxIccids.of(customer, 1), null).body();

        assertThat(body).contains("\"validUntil\":\"2026-11-24T15:00:00Z\"");
    }

    @Test
    void expiringEsimsArePagedWithoutRepeatsOrGaps() {
        // GIVEN a customer whose Peru eSIM ends in 2 days 5 hours (others' demo eSIMs end at the same time)
        long customer = newCustomer();
        billing.esims(customer);
        Instant from = MutableClock.SCENARIO_TIME.plus(Duration.ofDays(2));
        Instant to = MutableClock.SCENARIO_TIME.plus(Duration.ofDays(3));
        // WHEN the scan pages through the window two at a time
        List<ExpiringEsim> all = new ArrayList<>();
        String cursor = null;
        do {
            ExpiringPage page = billing.expiring(from, to, cursor, 2);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        // THEN every eSIM came once, and the customer's Peru eSIM is among them
        assertThat(all).extracting(item -> item.esim().iccid()).doesNotHaveDuplicates()
                .contains(SandboxIccids.of(customer, SandboxIccids.PERU));
        assertThat(all).allSatisfy(item -> assertThat(item.esim().validUntil()).isBetween(from, to));
        assertThat(all).filteredOn(item -> item.customerId() == customer).hasSize(1);
    }
}
