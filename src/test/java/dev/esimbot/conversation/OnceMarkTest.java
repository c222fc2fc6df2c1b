package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** A mark about an order counts as "already told" only for the chat and order it was written for (real Redis). */
class OnceMarkTest {

    private static final UnifiedJedis redis = TestRedis.client();
    private static final long NINETY_DAYS_SECONDS = Duration.ofDays(90).toSeconds();

    private final RedisKeys keys = new RedisKeys(TestRedis.uniquePrefix("once-mark"));
    private final MutableClock clock = new MutableClock(MutableClock.SCENARIO_TIME);
    private final Instant created = clock.instant().minus(Duration.ofHours(1));

    @AfterAll
    static void close() {
        redis.close();
    }

    @Test
    void aMarkIsTakenForTheOrderThatWroteIt() {
        // GIVEN a receipt sent for chat 1's order
        OnceMark mark = receipt(1, order("SBX-1", 1, "plan-a", created));
        assertThat(mark.claim()).isTrue();
        mark.confirm();
        assertThat(redis.get(keys.receipt("SBX-1"))).startsWith("sent|1|");

        // WHEN the same order is settled again, on another path
        OnceMark again = receipt(1, order("SBX-1", 1, "plan-a", created));

        // THEN it is told already
        assertThat(again.taken()).isTrue();
        assertThat(again.sent()).isTrue();
        assertThat(again.claim()).isFalse();
    }

    @Test
    void aMarkOfAnotherChatUnderTheSameOrderIdIsNotTakenAndStaysAsItIs() {
        // GIVEN a receipt sent for chat 1's order SBX-2
        OnceMark first = receipt(1, order("SBX-2", 1, "plan-a", created));
        assertThat(first.claim()).isTrue();
        first.confirm();
        String firstMark = redis.get(keys.receipt("SBX-2"));

        // WHEN billing reports chat 2's order under the same id
        OnceMark other = receipt(2, order("SBX-2", 2, "plan-a", created.plusSeconds(60)));

        // THEN that order is not told yet, and its claim leaves chat 1's mark alone
        assertThat(other.taken()).isFalse();
        assertThat(other.claim()).isTrue();
        other.confirm();
        assertThat(redis.get(keys.receipt("SBX-2"))).isEqualTo(firstMark);
        assertThat(receipt(1, order("SBX-2", 1, "plan-a", created)).sent()).isTrue();
        assertThat(receipt(2, order("SBX-2", 2, "plan-a", created.plusSeconds(60))).sent()).isTrue();
    }

    @Test
    void anotherOrderBodyOfTheSameChatUnderTheSameOrderIdIsNotTaken() {
        // GIVEN a receipt sent for chat 1's order SBX-3 of plan a
        OnceMark first = receipt(1, order("SBX-3", 1, "plan-a", created));
        assertThat(first.claim()).isTrue();
        first.confirm();

        // WHEN the same chat's later order of plan b comes under the same id
        OnceMark later = receipt(1, order("SBX-3", 1, "plan-b", created.plusSeconds(3600)));

        // THEN it is not told yet
        assertThat(later.taken()).isFalse();
        assertThat(later.sent()).isFalse();
    }

    @Test
    void aMarkFromBeforeMarksNamedTheirOwnerCountsOnlyIfSetAfterTheOrderWasCreated() {
        // GIVEN old-style marks "sent": one set just now, one set two hours ago (its TTL shows its age)
        redis.set(keys.receipt("SBX-4"), "sent", SetParams.setParams().ex(NINETY_DAYS_SECONDS));
        redis.set(keys.receipt("SBX-5"), "sent",
                SetParams.setParams().ex(NINETY_DAYS_SECONDS - Duration.ofHours(2).toSeconds()));

        // WHEN orders created an hour ago carry those ids
        OnceMark recent = receipt(1, order("SBX-4", 1, "plan-a", created));
        OnceMark older = receipt(1, order("SBX-5", 1, "plan-a", created));

        // THEN the mark set after the order is its own; the one set before it is another order's
        assertThat(recent.sent()).isTrue();
        assertThat(older.taken()).isFalse();
        assertThat(older.claim()).isTrue();
    }

    @Test
    void anOrderToldUnderItsOwnKeyStaysToldOnceTheOtherOrdersClaimOnTheIdIsGone() {
        // GIVEN chat 1's order SBX-6 sending its receipt, and chat 2's order under the same id told under its own key
        OnceMark first = receipt(1, order("SBX-6", 1, "plan-a", created));
        assertThat(first.claim()).isTrue();
        OnceMark second = receipt(2, order("SBX-6", 2, "plan-a", created.plusSeconds(60)));
        assertThat(second.claim()).isTrue();
        second.confirm();

        // WHEN chat 1's send fails and its claim is released, and chat 2's order is settled again
        first.release();
        OnceMark again = receipt(2, order("SBX-6", 2, "plan-a", created.plusSeconds(60)));

        // THEN chat 2's order is still told: it is not sent a second time under the freed id
        assertThat(redis.exists(keys.receipt("SBX-6"))).isFalse();
        assertThat(again.sent()).isTrue();
        assertThat(again.claim()).isFalse();
    }

    @Test
    void aSendThatOutlivedItsClaimNeitherReleasesNorOverwritesTheMarkAnotherOrderTookMeanwhile() {
        // GIVEN chat 1's claim on SBX-7 lapsed mid-send and chat 2's order with the same id claimed the id
        OnceMark slow = receipt(1, order("SBX-7", 1, "plan-a", created));
        assertThat(slow.claim()).isTrue();
        redis.del(keys.receipt("SBX-7"));
        OnceMark other = receipt(2, order("SBX-7", 2, "plan-a", created.plusSeconds(60)));
        assertThat(other.claim()).isTrue();
        String othersClaim = redis.get(keys.receipt("SBX-7"));

        // WHEN the slow send ends, either way
        slow.confirm();
        slow.release();

        // THEN the other order's claim is as it was
        assertThat(redis.get(keys.receipt("SBX-7"))).isEqualTo(othersClaim).startsWith("sending|2|");
    }

    @Test
    void billingsAnswersAboutOneOrderThatDifferInAmountOrSubSecondTimeAreTheSameOrder() {
        // GIVEN a receipt sent for an order as the webhook described it
        OnceMark fromWebhook = receipt(1, order("SBX-8", 1, "plan-a", created.plusMillis(250)));
        assertThat(fromWebhook.claim()).isTrue();
        fromWebhook.confirm();

        // WHEN reconciliation reads the order back with its time to the second and its amount restated
        Order readBack = new Order("SBX-8", 1, "8900000000000000001", "plan-a", "Peru Weekly 3 GB",
                new Money(1000, "USD"), OrderStatus.FULFILLED, "https://pay.example/SBX-8", created, null);

        // THEN it is the same order, told already
        assertThat(receipt(1, readBack).sent()).isTrue();
    }

    @Test
    void anOlderMarkIsTheOrdersOwnWhenNothingTellsItApart() {
        // GIVEN an old-style "sending" claim just set, and an old-style "sent" mark on an order billing gave no time
        redis.set(keys.receipt("SBX-9"), "sending", SetParams.setParams().ex(120));
        redis.set(keys.receipt("SBX-10"), "sent", SetParams.setParams().ex(NINETY_DAYS_SECONDS));

        // THEN both count as taken for their orders: never a second message on a guess
        assertThat(receipt(1, order("SBX-9", 1, "plan-a", created)).taken()).isTrue();
        assertThat(receipt(1, order("SBX-10", 1, "plan-a", null)).sent()).isTrue();
    }

    private OnceMark receipt(long chatId, Order order) {
        return OnceMark.of(OnceMark.Kind.RECEIPT, redis, keys, chatId, order, clock);
    }

    private static Order order(String id, long customer, String plan, Instant createdAt) {
        return new Order(id, customer, "8900000000000000001", plan, "Peru Weekly 3 GB", new Money(999, "USD"),
                OrderStatus.FULFILLED, "https://pay.example/" + id, createdAt, null);
    }
}
