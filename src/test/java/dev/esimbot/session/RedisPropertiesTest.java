package dev.esimbot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.config.InvalidSettingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The three Redis topologies are told apart, and each wrong or conflicting setting is one line naming its variable. */
class RedisPropertiesTest {

    @Test
    void eachTopologyIsReadFromItsOwnVariables() {
        assertThat(settings(null, null, null, null, null, false).topology()).isEqualTo(RedisTopology.EMBEDDED);
        assertThat(settings("redis://r:6379", null, null, null, null, false).topology()).isEqualTo(RedisTopology.STANDALONE);
        assertThat(settings(null, "s1:26379, s2:26379", "mymaster", null, "pw", true).topology())
                .isEqualTo(RedisTopology.SENTINEL);
        assertThat(settings(null, null, null, "n1:6379,n2:6379", "pw", false).topology()).isEqualTo(RedisTopology.CLUSTER);
    }

    @Test
    void twoTopologiesAtOnceAreRefusedNamingBoth() {
        assertThat(problems(() -> settings("redis://r:6379", null, null, "n1:6379", null, false)))
                .containsExactly("REDIS_CLUSTER_NODES cannot be set together with REDIS_URL: choose one Redis "
                        + "(REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES)");
    }

    @Test
    void sentinelsWithoutAMasterNameAndAMalformedNodeAreEachALine() {
        assertThat(problems(() -> settings(null, "s1:26379,s2", null, null, null, false)))
                .containsExactly("REDIS_SENTINELS must be host:port,host:port,...; 's2' is not a host:port",
                        "REDIS_SENTINEL_MASTER is required with REDIS_SENTINELS: the name the sentinels monitor the "
                                + "master by (e.g. mymaster)");
    }

    @Test
    void aClusterNodeWithABadPortIsNamed() {
        assertThat(problems(() -> settings(null, null, null, "n1:6379,n2:70000", null, false)))
                .containsExactly("REDIS_CLUSTER_NODES must be host:port,host:port,...; 'n2:70000' is not a host:port");
    }

    @Test
    void settingsOfAnotherTopologyAreRefusedRatherThanIgnored() {
        assertThat(problems(() -> settings("redis://r:6379", null, "mymaster", null, "pw", false)))
                .hasSize(2)
                .anyMatch(line -> line.startsWith("REDIS_SENTINEL_MASTER is only read with REDIS_SENTINELS"))
                .anyMatch(line -> line.startsWith("REDIS_PASSWORD (and REDIS_USERNAME, REDIS_TLS) are for Sentinel"));
    }

    @Test
    void aPasswordIsNeverPrinted() {
        RedisProperties cluster = settings(null, null, null, "n1:6379", "CLUSTER-SECRET", true);
        assertThat(cluster.toString()).contains("cluster n1:6379").doesNotContain("CLUSTER-SECRET");
    }

    private static RedisProperties settings(String url, String sentinels, String master, String clusterNodes,
                                            String password, boolean tls) {
        return new RedisProperties(url, "esimbot", Duration.ofHours(24), Duration.ofSeconds(60), Duration.ofSeconds(30),
                sentinels, master, clusterNodes, null, password, null, tls, RedisProperties.DEFAULT_POOL_SIZE);
    }

    /** Every problem reported, the first and the ones attached to it, as the start-up lines show them. */
    private static List<String> problems(Runnable binding) {
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(binding::run).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            lines.add(e.getMessage());
            Stream.of(e.getSuppressed()).map(Throwable::getMessage).forEach(lines::add);
        });
        return lines;
    }
}
