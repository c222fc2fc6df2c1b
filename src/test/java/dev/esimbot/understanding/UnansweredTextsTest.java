package dev.esimbot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.i18n.Language;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Texts not understood, against real Redis: counted, kept masked, most frequent first, bounded, expiring. */
class UnansweredTextsTest {

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = new RedisKeys(TestRedis.uniquePrefix("unanswered"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private UnansweredTexts store(int max) {
        return new UnansweredTexts(redis, keys, meters,
                new UnderstandingProperties("classpath:kb/", 1.8, 0.5, Duration.ofDays(30), max));
    }

    @Test
    void keptTextsHoldNoEmailNumberOrIccid() {
        // GIVEN texts with an e-mail, an ICCID and an order number
        UnansweredTexts unanswered = store(100);

        // WHEN they are not understood
        unanswered.record("Hi, I am Ann@Example.com, my ICCID 8901 2600 0000 0000 0716 is weird", Language.EN);
        unanswered.record("order 12345 and code 7 please", Language.EN);

        // THEN what is kept has them masked, and the counter counted both
        assertThat(unanswered.top(Language.EN, 10)).extracting(UnansweredTexts.Unanswered::text).containsExactlyInAnyOrder(
                "hi, i am <email>, my iccid <number> is weird", "order <number> and code # please");
        assertThat(meters.counter("bot.text.not_understood", "language", "en").count()).isEqualTo(2);
    }

    @Test
    void theMostFrequentComeFirstAndOnlyTheMostFrequentAreKept() {
        // GIVEN room for two texts
        UnansweredTexts unanswered = store(2);

        // WHEN three different texts come, one of them three times and one twice
        for (int i = 0; i < 3; i++) {
            unanswered.record("信号图标很奇怪", Language.ZH);
        }
        unanswered.record("Blue light  blinking", Language.ZH);
        unanswered.record("blue light blinking", Language.ZH);
        unanswered.record("only once", Language.ZH);

        // THEN the two most frequent are kept, in order, with their counts, and the key expires
        assertThat(unanswered.top(Language.ZH, 10)).containsExactly(
                new UnansweredTexts.Unanswered("信号图标很奇怪", 3), new UnansweredTexts.Unanswered("blue light blinking", 2));
        long ttl = redis.ttl(keys.unansweredTexts("zh"));
        assertThat(ttl).isBetween(Duration.ofDays(29).toSeconds(), Duration.ofDays(30).toSeconds());
        assertThat(unanswered.top(Language.EN, 10)).isEmpty();
    }
}
