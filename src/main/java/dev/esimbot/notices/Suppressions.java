package dev.esimbot.notices;

import dev.esimbot.conversation.EsimCovered;
import dev.esimbot.conversation.NoticeSwitch;
import dev.esimbot.session.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Why an expiry notice is no longer wanted: the user turned notices off ({@code /notifications off}, "Stop these
 * notices"), or the eSIM was renewed or set to auto-renew after the notice was made. Asked when a notice is made,
 * released and sent, so a notice queued or held before the change is skipped (recorded as {@code SKIPPED}).
 */
@Component
public class Suppressions implements NoticeSwitch {

    private static final Logger log = LoggerFactory.getLogger(Suppressions.class);
    static final Duration COVERED_TTL = Duration.ofDays(7);
    /** Marks a cover by a paid renewal not applied yet (after the epoch ms of the cover). */
    private static final String AWAITING = ":awaiting";

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;

    Suppressions(UnifiedJedis redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public boolean enabled(long chatId) {
        return !redis.exists(keys.noticesOff(chatId));
    }

    @Override
    public void enable(long chatId, boolean on) {
        if (on) {
            redis.del(keys.noticesOff(chatId));
        } else {
            redis.set(keys.noticesOff(chatId), "1");
        }
        log.info("chat={} expiry notices {}", chatId, on ? "on" : "off");
    }

    /**
     * Renewed or auto-renewing: notices about the eSIM made until now are skipped. Paid and not applied yet: every
     * notice about it is skipped, also those made later, until a receipt (a plain cover) or {@link #COVERED_TTL}.
     */
    @EventListener
    void on(EsimCovered covered) {
        String since = Long.toString(clock.millis());
        try {
            redis.set(keys.noticeCovered(EsimKeys.of(covered.iccid())), covered.awaitingRenewal() ? since + AWAITING : since,
                    SetParams.setParams().px(COVERED_TTL.toMillis()));
        } catch (RuntimeException e) {
            // The receipt or the switch is done; at worst one reminder about it still goes out.
            log.warn("chat={} eSIM cover not recorded for notices: {}", covered.chatId(), e.toString());
        }
    }

    /** Whether a notice about an eSIM should not go (announcements, about nothing, always go). */
    boolean skip(Notice notice) {
        if (notice.about() == null) {
            return false;
        }
        return !enabled(notice.chatId()) || coveredSince(notice.about());
    }

    private boolean coveredSince(Notice.About about) {
        String covered = redis.get(keys.noticeCovered(about.esim()));
        if (covered == null) {
            return false;
        }
        return covered.endsWith(AWAITING) || Long.parseLong(covered) >= about.madeAt();
    }
}
