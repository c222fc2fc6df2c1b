package dev.esimbot.session;

import dev.esimbot.config.InvalidSettingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/**
 * Which Redis the bot talks to, read from the settings: one server ({@code REDIS_URL}), a master watched by Redis
 * Sentinel ({@code REDIS_SENTINELS} + {@code REDIS_SENTINEL_MASTER}), or a Redis Cluster ({@code REDIS_CLUSTER_NODES});
 * none of them: the embedded redis-server. Each problem found is one line naming its variable.
 */
enum RedisTopology {
    EMBEDDED, STANDALONE, SENTINEL, CLUSTER;

    static final String URL = "REDIS_URL";
    static final String SENTINELS = "REDIS_SENTINELS";
    static final String MASTER = "REDIS_SENTINEL_MASTER";
    static final String CLUSTER_NODES = "REDIS_CLUSTER_NODES";

    /** The topology named; two named at once is a problem (and the first of them is taken). */
    static RedisTopology of(String url, String sentinels, String clusterNodes, List<InvalidSettingException> problems) {
        List<String> chosen = new ArrayList<>();
        if (set(url)) {
            chosen.add(URL);
        }
        if (set(sentinels)) {
            chosen.add(SENTINELS);
        }
        if (set(clusterNodes)) {
            chosen.add(CLUSTER_NODES);
        }
        if (chosen.size() > 1) {
            problems.add(new InvalidSettingException(chosen.get(1), "cannot be set together with " + chosen.get(0)
                    + ": choose one Redis (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES)"));
        }
        return chosen.isEmpty() ? EMBEDDED : switch (chosen.get(0)) {
            case URL -> STANDALONE;
            case SENTINELS -> SENTINEL;
            default -> CLUSTER;
        };
    }

    /** The URL or node lists of this topology are well formed, and Sentinel has its master's name. */
    void checkWhere(String url, String sentinels, String master, String clusterNodes,
                    List<InvalidSettingException> problems) {
        switch (this) {
            case STANDALONE -> {
                try {
                    RedisConfig.parse(url);
                } catch (InvalidSettingException e) {
                    problems.add(e);
                }
            }
            case SENTINEL -> {
                nodes(SENTINELS, sentinels, problems);
                if (!set(master)) {
                    problems.add(new InvalidSettingException(MASTER, "is required with REDIS_SENTINELS: the name the "
                            + "sentinels monitor the master by (e.g. mymaster)"));
                }
            }
            case CLUSTER -> nodes(CLUSTER_NODES, clusterNodes, problems);
            case EMBEDDED -> { }
        }
    }

    /** Settings that only one topology reads are refused with another, rather than silently ignored. */
    void checkOptions(String master, String sentinelPassword, boolean credentialsOrTls,
                      List<InvalidSettingException> problems) {
        if (this != SENTINEL && (set(master) || set(sentinelPassword))) {
            String which = set(master) ? MASTER : "REDIS_SENTINEL_PASSWORD";
            problems.add(new InvalidSettingException(which, "is only read with REDIS_SENTINELS, which is not set"));
        }
        if ((this == STANDALONE || this == EMBEDDED) && credentialsOrTls) {
            problems.add(new InvalidSettingException("REDIS_PASSWORD", "(and REDIS_USERNAME, REDIS_TLS) are for Sentinel "
                    + "or Cluster; with REDIS_URL write redis://user:password@host:6379, or rediss:// for TLS"));
        }
    }

    /** The {@code host:port} list of a setting; a bad entry is a problem naming the setting. */
    static Set<HostAndPort> nodes(String setting, String list, List<InvalidSettingException> problems) {
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            HostAndPort node = node(entry.strip());
            if (node == null) {
                problems.add(new InvalidSettingException(setting, "must be host:port,host:port,...; '" + entry.strip()
                        + "' is not a host:port"));
                return Set.of();
            }
            nodes.add(node);
        }
        if (nodes.isEmpty()) {
            problems.add(new InvalidSettingException(setting, "names no host:port"));
        }
        return nodes;
    }

    private static HostAndPort node(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            return null;
        }
        try {
            int port = Integer.parseInt(entry.substring(colon + 1));
            return port > 0 && port < 65536 ? new HostAndPort(entry.substring(0, colon), port) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
