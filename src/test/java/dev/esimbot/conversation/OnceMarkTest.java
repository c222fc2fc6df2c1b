package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.billing.Money;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.TestRedis;
import java.time.Clock;
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
    private final Clock clock = Clock.systemUTC();
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
        first.claim();
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
        first.claim();
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

    private OnceMark receipt(long chatId, Order order) {
        return OnceMark.of(redis, keys.receipt(order.id()), keys::receipt, chatId, order, clock);
    }

    private static Order order(String id, long customer, String plan, Instant createdAt) {
        return new Order(id, customer, "8900000000000000001", plan, "Peru Weekly 3 GB", new Money(999, "USD"),
                OrderStatus.FULFILLED, "https://pay.example/" + id, createdAt, createdAt.plus(Duration.ofDays(7)));
    }
}
