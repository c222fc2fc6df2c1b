package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final String ICCID = "8944501234567890126";

    @Test
    void sameChatEsimPlanAndIntentAlwaysGiveTheSameKey() {
        // GIVEN one purchase, retried after a timeout or replayed on another instance
        String first = OrderSteps.idempotencyKey(42, ICCID, "pe-weekly", "a1b2");
        String again = OrderSteps.idempotencyKey(42, ICCID, "pe-weekly", "a1b2");

        // THEN both name the same order
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anyChangedPartMakesAnotherKey() {
        String key = OrderSteps.idempotencyKey(42, ICCID, "pe-weekly", "a1b2");

        assertThat(OrderSteps.idempotencyKey(43, ICCID, "pe-weekly", "a1b2")).isNotEqualTo(key);
        assertThat(OrderSteps.idempotencyKey(42, "8944501234567890134", "pe-weekly", "a1b2")).isNotEqualTo(key);
        assertThat(OrderSteps.idempotencyKey(42, ICCID, "pe-daily", "a1b2")).isNotEqualTo(key);
        assertThat(OrderSteps.idempotencyKey(42, ICCID, "pe-weekly", "c3d4")).isNotEqualTo(key);
    }

    @Test
    void keyNamesTheChatButNeverShowsTheIccidAndFitsBillingsLimit() {
        String key = OrderSteps.idempotencyKey(-1_001_234_567_890L, ICCID, "p".repeat(100), "f".repeat(32));

        assertThat(key).startsWith("tg--1001234567890-").doesNotContain(ICCID).doesNotContain("ppp");
        assertThat(key.length()).isLessThanOrEqualTo(200);
    }
}
