package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import dev.esimbot.session.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.Tuple;

/**
 * What the bot did not understand: counted ({@code bot.text.not_understood}, by language) and kept without personal
 * data (masked, see {@link Masking}) in a sorted set per language, the most frequent first, for the shop to read on
 * {@code GET /admin/unanswered} and turn into articles or questions.
 */
@Component
public class UnansweredTexts {

    /** One kept text and how often it came. */
    public record Unanswered(String text, long times) {
    }

    private static final Logger log = LoggerFactory.getLogger(UnansweredTexts.class);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final MeterRegistry meters;
    private final UnderstandingProperties settings;

    UnansweredTexts(UnifiedJedis redis, RedisKeys keys, MeterRegistry meters, UnderstandingProperties settings) {
        this.redis = redis;
        this.keys = keys;
        this.meters = meters;
        this.settings = settings;
        for (Language language : Language.values()) {
            counter(language);
        }
    }

    /** Counts and keeps one text; a store failure is only logged, the user's answer does not depend on it. */
    public void record(String text, Language language) {
        counter(language).increment();
        String key = key(language);
        try {
            redis.zincrby(key, 1, Masking.mask(text));
            redis.zremrangeByRank(key, 0, -(settings.unansweredMax() + 1L));
            redis.expire(key, settings.unansweredTtl().toSeconds());
        } catch (JedisException e) {
            log.warn("a text not understood was counted but not kept: {}", e.getClass().getSimpleName());
        }
    }

    /** The most frequent ones first. */
    public List<Unanswered> top(Language language, int limit) {
        List<Tuple> tuples = redis.zrevrangeWithScores(key(language), 0, Math.max(0, limit - 1));
        return tuples.stream().map(t -> new Unanswered(t.getElement(), (long) t.getScore())).toList();
    }

    private String key(Language language) {
        return keys.unansweredTexts(language.name().toLowerCase(Locale.ROOT));
    }

    private io.micrometer.core.instrument.Counter counter(Language language) {
        return meters.counter("bot.text.not_understood", "language", language.name().toLowerCase(Locale.ROOT));
    }
}
