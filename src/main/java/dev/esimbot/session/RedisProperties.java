package dev.esimbot.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis settings. {@code url} comes from {@code REDIS_URL}; blank means an embedded redis-server.
 *
 * @param url            redis:// or rediss:// URL, blank for the embedded server
 * @param keyPrefix      first segment of every key
 * @param sessionTtl     idle time after which a chat's session is forgotten
 * @param lockLease      how long a chat lock lives if its holder dies
 * @param lockWait       how long an update waits for a busy chat before giving up
 */
@ConfigurationProperties("redis")
public record RedisProperties(
        String url,
        @DefaultValue("esimbot") String keyPrefix,
        @DefaultValue("24h") Duration sessionTtl,
        @DefaultValue("60s") Duration lockLease,
        @DefaultValue("30s") Duration lockWait) {

    public RedisProperties {
        if (url != null && !url.isBlank()) {
            RedisConfig.parse(url); // a malformed REDIS_URL stops start-up with the other bad settings
        }
    }

    /** Never prints the URL's user and password. */
    @Override
    public String toString() {
        String shown = url == null || url.isBlank() ? "embedded" : url.replaceAll("//[^@/]*@", "//***@");
        return "RedisProperties[url=" + shown + ", keyPrefix=" + keyPrefix + ", sessionTtl=" + sessionTtl + "]";
    }
}
