package dev.esimbot.notices;

import dev.esimbot.i18n.Language;
import dev.esimbot.session.RedisKeys;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Who can be sent a notice, and in which language: the private chats that talked to the bot, as the announcement
 * audience records them (one sorted set per language, see {@code announce.Audience}). A customer who never started
 * the bot cannot be written to (Telegram refuses), so the scan passes them by without a call.
 */
@Component
class Recipients {

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    Recipients(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    Optional<Language> language(long chatId) {
        String member = Long.toString(chatId);
        for (Language language : Language.values()) {
            if (redis.zscore(keys.audience(language.name()), member) != null) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
