package dev.esimbot.announce;

import dev.esimbot.i18n.Language;
import dev.esimbot.notices.NoticeState;
import dev.esimbot.session.Leases;
import dev.esimbot.session.RedisKeys;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.ScanResult;

/**
 * Announcements in Redis: their texts, fan-out cursors, recipients and outcome counts. Each recipient is recorded
 * once (QUEUED) before its notice is queued and counted once when its notice ends, so the counts add up however
 * often the fan-out is repeated or an outcome is reported.
 */
@Component
class Announcements {

    /** Records a recipient once and counts it queued; the keys expire with the announcement. */
    private static final String RECIPIENT = """
            if redis.call('HSETNX', KEYS[1], ARGV[1], 'QUEUED') == 0 then return 0 end
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            redis.call('HINCRBY', KEYS[2], 'queued', 1)
            return 1""";

    /** Counts a recipient's outcome once: only over QUEUED. */
    private static final String OUTCOME = """
            if redis.call('HGET', KEYS[1], ARGV[1]) ~= 'QUEUED' then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HINCRBY', KEYS[2], string.lower(ARGV[2]), 1)
            redis.call('HSET', KEYS[2], 'changed', ARGV[3])
            return 1""";

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final AnnounceProperties settings;
    private final Clock clock;
    private final Leases leases;

    Announcements(UnifiedJedis redis, RedisKeys keys, AnnounceProperties settings, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.leases = new Leases(redis);
    }

    Announcement create(Map<Language, String> texts, String audience, Integer staffMessage) {
        long id = redis.incr(keys.announcementSequence());
        Map<String, String> fields = new HashMap<>();
        texts.forEach((language, text) -> fields.put("text:" + language.name(), text));
        fields.put("audience", audience);
        fields.put("created", Long.toString(clock.millis()));
        fields.put("changed", Long.toString(clock.millis()));
        if (staffMessage != null) {
            fields.put("staffMessage", staffMessage.toString());
        }
        String key = keys.announcement(id);
        redis.hset(key, fields);
        redis.pexpire(key, settings.keepFor().toMillis());
        redis.sadd(keys.activeAnnouncements(), Long.toString(id));
        return new Announcement(id, Map.copyOf(texts), audience, staffMessage);
    }

    Optional<Announcement> find(long id) {
        Map<String, String> fields = redis.hgetAll(keys.announcement(id));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Optional.ofNullable(fields.get("text:" + language.name())).ifPresent(text -> texts.put(language, text));
        }
        Integer staffMessage = Optional.ofNullable(fields.get("staffMessage")).map(Integer::valueOf).orElse(null);
        return Optional.of(new Announcement(id, texts, fields.get("audience"), staffMessage));
    }

    Optional<Progress> progress(long id) {
        Map<String, String> f = redis.hgetAll(keys.announcement(id));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        long queued = count(f, "queued");
        long sent = count(f, "sent");
        long failed = count(f, "failed");
        long blocked = count(f, "blocked");
        long left = queued - sent - failed - blocked;
        String state = !f.containsKey("fannedOut") ? "fanning-out" : left > 0 ? "sending" : "done";
        return Optional.of(new Progress(id, f.get("audience"), state, queued, sent, failed, blocked, left));
    }

    /** @return whether the chat is a new recipient (false: recorded by an earlier run of the fan-out) */
    boolean addRecipient(long id, long chatId) {
        long expiresAt = clock.millis() + settings.keepFor().toMillis();
        Object added = redis.eval(RECIPIENT, List.of(keys.announcementRecipients(id), keys.announcement(id)),
                List.of(Long.toString(chatId), Long.toString(expiresAt)));
        return Long.valueOf(1).equals(added);
    }

    /** Counts the end of one recipient's notice; a second report of the same recipient changes nothing. */
    void ended(long id, long chatId, NoticeState state) {
        redis.eval(OUTCOME, List.of(keys.announcementRecipients(id), keys.announcement(id)),
                List.of(Long.toString(chatId), state.name(), Long.toString(clock.millis())));
    }

    /**
     * The last chat the fan-out reached (0 before the first). One cursor over all languages; a fan-out left half way
     * by an earlier version (a cursor per language) starts again from 0, and the recipients it reached are not
     * queued twice.
     */
    long cursor(long id) {
        String cursor = redis.hget(keys.announcement(id), "cursor");
        return cursor == null ? 0 : Long.parseLong(cursor);
    }

    void cursor(long id, long lastChat) {
        redis.hset(keys.announcement(id), "cursor", Long.toString(lastChat));
    }

    void fannedOut(long id) {
        redis.hset(keys.announcement(id), "fannedOut", Long.toString(clock.millis()));
    }

    /** Takes (or, by its holder, renews) the right to run the fan-out, for the lease time. */
    boolean lease(long id, String holder) {
        String key = keys.announcementLease(id);
        return leases.take(key, holder, settings.lease()) || leases.renew(key, holder, settings.lease());
    }

    /** Gives the fan-out up, unless its lease lapsed meanwhile and another instance holds it now. */
    void release(long id, String holder) {
        leases.release(keys.announcementLease(id), holder);
    }

    Set<String> active() {
        return redis.smembers(keys.activeAnnouncements());
    }

    void finished(long id) {
        redis.srem(keys.activeAnnouncements(), Long.toString(id));
    }

    /** Millis since the last outcome was counted (or since the announcement was made). */
    long quietFor(long id) {
        String changed = redis.hget(keys.announcement(id), "changed");
        return changed == null ? Long.MAX_VALUE : clock.millis() - Long.parseLong(changed);
    }

    /** Restarts {@link #quietFor}, so a stalled announcement is checked once per stall time, not on every pass. */
    void touch(long id) {
        redis.hset(keys.announcement(id), "changed", Long.toString(clock.millis()));
    }

    /** Stores the text now shown in the staff group; false when it was shown already (no edit needed). */
    boolean shown(long id, String text) {
        String key = keys.announcement(id);
        if (text.equals(redis.hget(key, "shown"))) {
            return false;
        }
        redis.hset(key, "shown", text);
        return true;
    }

    /** Recipients still QUEUED, a page at a time (for the check of a stalled announcement). */
    ScanResult<Map.Entry<String, String>> recipients(long id, String cursor) {
        return redis.hscan(keys.announcementRecipients(id), cursor);
    }

    private static long count(Map<String, String> fields, String name) {
        return Long.parseLong(fields.getOrDefault(name, "0"));
    }
}
