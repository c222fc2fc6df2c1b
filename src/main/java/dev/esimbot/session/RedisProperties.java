package dev.esimbot.session;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis settings. One of three topologies (see {@link RedisTopology}): {@code url} from {@code REDIS_URL}, or
 * {@code sentinels} + {@code sentinelMaster}, or {@code clusterNodes}; none of them means an embedded redis-server.
 *
 * @param url              redis:// or rediss:// URL of one server
 * @param keyPrefix        first segment of every key
 * @param sessionTtl       idle time after which a chat's session is forgotten
 * @param lockLease        how long a chat lock lives if its holder dies
 * @param lockWait         how long an update waits for a busy chat before giving up
 * @param sentinels        {@code host:port,...} of the Sentinels watching the master
 * @param sentinelMaster   the name the Sentinels monitor the master by
 * @param clusterNodes     {@code host:port,...} of some Cluster nodes (the client learns the rest)
 * @param username         ACL user of the Sentinel-watched master or the Cluster nodes (blank: default user)
 * @param password         their password (blank: none)
 * @param sentinelPassword the Sentinels' own password, when they have one
 * @param tls              TLS to the master or nodes (and the Sentinels)
 * @param poolSize         connections per server in Jedis' pool ({@code REDIS_POOL_SIZE}, 1-1024): the chat lanes
 *                         (up to TELEGRAM_MAX_IN_FLIGHT), the queue's reader and lease heartbeat and the notice senders
 *                         share it; one not free within {@link #POOL_MAX_WAIT} fails the command (the update is kept)
 */
@ConfigurationProperties("redis")
public record RedisProperties(
        String url,
        @DefaultValue("esimbot") String keyPrefix,
        @DefaultValue("24h") Duration sessionTtl,
        @DefaultValue("60s") Duration lockLease,
        @DefaultValue("30s") Duration lockWait,
        String sentinels,
        String sentinelMaster,
        String clusterNodes,
        String username,
        String password,
        String sentinelPassword,
        boolean tls,
        @DefaultValue("64") int poolSize) {

    public static final int DEFAULT_POOL_SIZE = 64;
    /** How long a command waits for a pooled connection before it fails: a starved pool fails a turn, never hangs it. */
    public static final Duration POOL_MAX_WAIT = Duration.ofSeconds(2);

    /** Bad or conflicting topology settings stop start-up with the other bad settings, one line each. */
    @ConstructorBinding
    public RedisProperties {
        List<InvalidSettingException> problems = new ArrayList<>();
        RedisTopology topology = RedisTopology.of(url, sentinels, clusterNodes, problems);
        topology.checkWhere(url, sentinels, sentinelMaster, clusterNodes, problems);
        topology.checkOptions(sentinelMaster, sentinelPassword, username != null && !username.isBlank()
                || password != null && !password.isBlank() || tls, problems);
        if (poolSize < 1 || poolSize > 1024) {
            problems.add(new InvalidSettingException("REDIS_POOL_SIZE", "must be 1 to 1024, got " + poolSize));
        }
        InvalidSettingException.throwAll(problems);
    }

    /** A single server (or the embedded one when {@code url} is blank), as before Sentinel and Cluster. */
    public RedisProperties(String url, String keyPrefix, Duration sessionTtl, Duration lockLease, Duration lockWait) {
        this(url, keyPrefix, sessionTtl, lockLease, lockWait, null, null, null, null, null, null, false, DEFAULT_POOL_SIZE);
    }

    /** Which Redis these settings name. */
    RedisTopology topology() {
        return RedisTopology.of(url, sentinels, clusterNodes, new ArrayList<>());
    }

    /** Never prints a password, nor the URL's user and password. */
    @Override
    public String toString() {
        String where = switch (topology()) {
            case EMBEDDED -> "embedded";
            case STANDALONE -> url.replaceAll("//[^@/]*@", "//***@");
            case SENTINEL -> "sentinel " + sentinelMaster + "@" + sentinels;
            case CLUSTER -> "cluster " + clusterNodes;
        };
        return "RedisProperties[url=" + where + ", keyPrefix=" + keyPrefix + ", sessionTtl=" + sessionTtl + "]";
    }
}
