package dev.esimbot.announce;

import dev.esimbot.conversation.ChatSeen;
import dev.esimbot.i18n.Language;
import dev.esimbot.session.RedisKeys;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Who announcements go to: every private chat that talked to the bot, by the language it chose. Kept in Redis, one
 * sorted set per language (member and score: the chat id), so the fan-out reads it page by page from the last chat
 * it reached, never all users at once. The conversation records a chat once per language change (see
 * {@code conversation.ChatSeen}), not on every turn. Expiry notices ask it too: who can be written to, in which
 * language.
 */
@Component
public class Audience implements ChatSeen {

    /** In one set only: a chat that switched language moves. */
    private static final String SEEN = """
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1""";

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    Audience(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void seen(long chatId, Language language) {
        redis.eval(SEEN, List.of(keys.audience(language.name()), keys.audience(language.other().name())),
                List.of(Long.toString(chatId)));
    }

    @Override
    public Optional<Language> languageOf(long chatId) {
        String member = Long.toString(chatId);
        for (Language language : Language.values()) {
            if (redis.zscore(keys.audience(language.name()), member) != null) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** Up to {@code count} chats of the language after {@code afterChat} (exclusive), by chat id. */
    List<Long> page(Language language, long afterChat, int count) {
        return redis.zrangeByScore(keys.audience(language.name()), "(" + afterChat, "+inf", 0, count).stream()
                .map(Long::valueOf).toList();
    }

    public long size(Language language) {
        return redis.zcard(keys.audience(language.name()));
    }
}
