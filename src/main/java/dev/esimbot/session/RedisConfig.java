package dev.esimbot.session;

import dev.esimbot.config.InvalidSettingException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

@Configuration(proxyBeanMethods = false)
class RedisConfig {

    private static final Logger log = LoggerFactory.getLogger(RedisConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedRedis embeddedRedis(RedisProperties properties) throws IOException {
        if (properties.topology() != RedisTopology.EMBEDDED) {
            return EmbeddedRedis.none();
        }
        EmbeddedRedis embedded = EmbeddedRedis.start();
        log.info("no REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES: started embedded redis-server on 127.0.0.1:{}",
                embedded.port());
        return embedded;
    }

    @Bean(destroyMethod = "close")
    UnifiedJedis redis(RedisProperties properties, EmbeddedRedis embedded) {
        if (embedded.running()) {
            return RedisClient.builder().fromURI(URI.create("redis://127.0.0.1:" + embedded.port()))
                    .poolConfig(RedisClients.pool(properties)).build();
        }
        return RedisClients.of(properties);
    }

    @Bean
    RedisKeys redisKeys(RedisProperties properties) {
        return new RedisKeys(properties.keyPrefix());
    }

    static URI parse(String url) {
        try {
            URI uri = new URI(url.trim());
            boolean schemeOk = "redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme());
            if (!schemeOk || uri.getHost() == null) {
                throw new InvalidSettingException("REDIS_URL", "must look like redis://host:6379 or rediss://user:password@host:6380/0");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("REDIS_URL", "is not a valid URL: " + e.getReason());
        }
    }
}
