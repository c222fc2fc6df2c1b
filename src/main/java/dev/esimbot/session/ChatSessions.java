package dev.esimbot.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Runs work for one chat as lock -> load -> work -> persist -> unlock. The lock is taken before the session is read,
 * and the write is fenced by the lock token, so an instance whose lease ran out cannot overwrite a newer state. Two
 * round trips per turn: one script takes the lock and reads the session, one writes it and releases the lock.
 */
@Component
public class ChatSessions {

    private static final Logger log = LoggerFactory.getLogger(ChatSessions.class);

    /**
     * 0 when another holds the lock; else the stored session, '' when there is none. A lock already holding this
     * token counts as taken: the script ran but its answer was lost with the connection, and is sent again.
     */
    private static final String LOCK_AND_LOAD = """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return redis.call('GET', KEYS[2]) or ''""";

    /**
     * 1 when saved and unlocked; 0 when the lock is no longer this token's (nothing written). A lock gone and the
     * session already holding this very JSON is this script's own earlier run, whose answer was lost: 1.
     */
    private static final String SAVE_AND_UNLOCK = """
            local holder = redis.call('GET', KEYS[1])
            if holder ~= ARGV[1] then
              if not holder and redis.call('GET', KEYS[2]) == ARGV[2] then return 1 end
              return 0
            end
            if tonumber(ARGV[3]) > 0 then
              redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
            else
              redis.call('SET', KEYS[2], ARGV[2])
            end
            redis.call('DEL', KEYS[1])
            return 1""";

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final RedisProperties properties;
    private final SessionCodec codec;
    private final Leases leases;

    ChatSessions(UnifiedJedis redis, RedisKeys keys, RedisProperties properties, SessionCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
        this.codec = codec;
        this.leases = new Leases(redis);
    }

    /** The work for one chat. It returns what to persist (or null to keep the stored session as it was). */
    @FunctionalInterface
    public interface ChatWork<T> {
        Outcome<T> apply(Session current);
    }

    /** @param next the session to store, null to store nothing; @param keepAlive store without idle expiry */
    public record Outcome<T>(Session next, boolean keepAlive, T value) {
    }

    public <T> T withChat(long chatId, ChatWork<T> work) {
        String token = UUID.randomUUID().toString();
        String stored = lockAndLoad(chatId, token);
        try {
            Outcome<T> outcome = work.apply(stored.isEmpty() ? Session.empty() : codec.decode(stored));
            if (outcome.next() == null) {
                leases.release(keys.lock(chatId), token);
            } else {
                saveAndUnlock(chatId, token, outcome);
            }
            return outcome.value();
        } catch (ChatLeaseLostException e) {
            throw e; // the lock is another's by now: not ours to release
        } catch (RuntimeException | Error e) {
            releaseAfter(e, chatId, token);
            throw e;
        }
    }

    /** After a failure the lock is released if still ours; should Redis fail here too, its lease runs out. */
    private void releaseAfter(Throwable failure, long chatId, String token) {
        try {
            leases.release(keys.lock(chatId), token);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Forgets a chat's session (the local chat page's reset), under the lock like any other change. */
    public void forget(long chatId) {
        withChat(chatId, session -> {
            redis.del(keys.session(chatId));
            return new Outcome<Void>(null, false, null);
        });
    }

    /** Reads a session without the lock, for display-only uses. */
    public Session peek(long chatId) {
        return load(chatId);
    }

    private Session load(long chatId) {
        String json = redis.get(keys.session(chatId));
        return json == null ? Session.empty() : codec.decode(json);
    }

    private void saveAndUnlock(long chatId, String token, Outcome<?> outcome) {
        long ttl = outcome.keepAlive() ? 0 : properties.sessionTtl().toMillis();
        Object saved = evalRetried(SAVE_AND_UNLOCK, List.of(keys.lock(chatId), keys.session(chatId)),
                List.of(token, codec.encode(outcome.next()), Long.toString(ttl)));
        if (!Long.valueOf(1).equals(saved)) {
            log.warn("chat={} lock lease expired before the session was saved; state not written", chatId);
            throw new ChatLeaseLostException(chatId);
        }
    }

    /**
     * Both scripts of a turn are safe to send again (a reply lost with its connection leaves a state the script
     * recognises as its own), so they are retried over stale pooled connections.
     */
    private Object evalRetried(String script, List<String> keys, List<String> args) {
        return StaleConnections.retried(() -> redis.eval(script, keys, args));
    }

    /**
     * Takes the chat's lock, waiting up to {@code lockWait} for it, and reads the session in the same step: the stored
     * JSON, '' when there is none. Given up on a Redis failure, the lock is released should an attempt have taken it.
     */
    private String lockAndLoad(long chatId, String token) {
        long deadline = System.nanoTime() + properties.lockWait().toNanos();
        long pause = Duration.ofMillis(2).toNanos();
        List<String> lockAndSession = List.of(keys.lock(chatId), keys.session(chatId));
        List<String> tokenAndLease = List.of(token, Long.toString(properties.lockLease().toMillis()));
        Object answer;
        try {
            while ((answer = evalRetried(LOCK_AND_LOAD, lockAndSession, tokenAndLease)) instanceof Long) {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw new ChatBusyException(chatId);
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, Duration.ofMillis(50).toNanos());
            }
        } catch (JedisConnectionException e) {
            releaseAfter(e, chatId, token);
            throw e;
        }
        return answer instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) answer;
    }
}
