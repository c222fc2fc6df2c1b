package dev.esimbot.notices;

import dev.esimbot.session.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

@Configuration(proxyBeanMethods = false)
class NoticesConfig {

    @Bean
    NoticeSender noticeSender(UnifiedJedis redis, RedisKeys keys, BlockedUsers blocked, Suppressions suppressions,
                              NoticeTransport transport, NoticesProperties settings, MeterRegistry meters,
                              ApplicationEventPublisher events, Clock clock) {
        NoticeSender.Parts parts = new NoticeSender.Parts(new NoticeStream(redis, keys),
                new RateGate(redis, keys, settings.rate(), settings.chatGap()), blocked, suppressions, transport,
                new NoticeOutcomes(meters, events));
        return new NoticeSender(parts, settings, clock, instanceName());
    }

    /** The host name, for whoever reads the consumer group, and a random part, since two instances may share a host. */
    static String instanceName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "bot";
            }
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
