package dev.esimbot.understanding;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Free-text understanding.
 *
 * @param kbPath        where the knowledge base is ({@code UNDERSTANDING_KB_PATH}): a folder holding {@code kb_en.yaml},
 *                      {@code kb_zh.yaml} and optionally {@code zh_traditional.txt}, as a Spring resource location
 *                      ({@code file:/etc/esimbot/kb/}); the bundled one by default. Read and checked at start-up.
 * @param minScore      the lowest match score taken as understood ({@code UNDERSTANDING_MIN_SCORE}); below it the
 *                      answer is "not sure" with the closest articles
 * @param minCoverage   the least share of a question's words (weighted by rarity) the text must have for that
 *                      question to count ({@code UNDERSTANDING_MIN_COVERAGE}, 0-1); shields against one shared word
 * @param unansweredTtl how long texts not understood are kept for the shop to read ({@code UNDERSTANDING_UNANSWERED_TTL})
 * @param unansweredMax how many different ones are kept per language, the most frequent ({@code UNDERSTANDING_UNANSWERED_MAX})
 */
@ConfigurationProperties("understanding")
public record UnderstandingProperties(
        @DefaultValue("classpath:kb/") String kbPath,
        @DefaultValue("1.8") double minScore,
        @DefaultValue("0.5") double minCoverage,
        @DefaultValue("30d") Duration unansweredTtl,
        @DefaultValue("1000") int unansweredMax) {

    public UnderstandingProperties {
        if (kbPath == null || kbPath.isBlank()) {
            throw new InvalidSettingException("UNDERSTANDING_KB_PATH", "must name a folder such as file:/etc/esimbot/kb/");
        }
        if (!(minScore > 0)) {
            throw new InvalidSettingException("UNDERSTANDING_MIN_SCORE", "must be above 0, got " + minScore);
        }
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            throw new InvalidSettingException("UNDERSTANDING_MIN_COVERAGE", "must be between 0 and 1, got " + minCoverage);
        }
        if (unansweredTtl == null || unansweredTtl.toSeconds() < 60) {
            throw new InvalidSettingException("UNDERSTANDING_UNANSWERED_TTL", "must be at least 1m, got " + unansweredTtl);
        }
        if (unansweredMax < 1) {
            throw new InvalidSettingException("UNDERSTANDING_UNANSWERED_MAX", "must be at least 1, got " + unansweredMax);
        }
    }

    /** The folder, ending in a slash. */
    String folder() {
        return kbPath.endsWith("/") ? kbPath : kbPath + "/";
    }
}
