package dev.esimbot.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esimbot.config.InvalidSettingException;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testkit.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import redis.clients.jedis.UnifiedJedis;

/** Who gets through to the admin API, with the request counts in real Redis; and the settings it depends on. */
class AdminGuardTest {

    private final UnifiedJedis redis = TestRedis.client();
    private final RedisKeys keys = new RedisKeys(TestRedis.uniquePrefix("admin-guard"));

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void withoutAnAdminTokenTheAdminApiDoesNotExist() throws Exception {
        AdminGuard guard = new AdminGuard(settings("", 30), redis, keys, Clock.systemUTC());

        MockHttpServletResponse response = call(guard, "Bearer anything-at-all-goes-here");

        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void aClientMakingTooManyRequestsInAMinuteIsToldToWaitEvenWithTheRightToken() throws Exception {
        // (a fixed clock: all four in one minute's window)
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:30Z"), ZoneOffset.UTC);
        AdminGuard guard = new AdminGuard(settings(AdminHttp.TOKEN, 3), redis, keys, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(call(guard, "Bearer " + AdminHttp.TOKEN).getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse fourth = call(guard, "Bearer " + AdminHttp.TOKEN);

        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(fourth.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void malformedAdminIdsOrAShortTokenStopStartUpNamingTheSetting() {
        assertThatThrownBy(() -> settings("", 30, "12345, alice")).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("BOT_ADMIN_IDS");
        assertThatThrownBy(() -> settings("short", 30)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("ADMIN_TOKEN");
        assertThat(settings("", 30, " 12345,67890 ").admins()).containsExactlyInAnyOrder(12345L, 67890L);
    }

    private static MockHttpServletResponse call(AdminGuard guard, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/announcements/1");
        request.addHeader("Authorization", authorization);
        MockHttpServletResponse response = new MockHttpServletResponse();
        if (guard.preHandle(request, response, new Object())) {
            response.setStatus(200);
        }
        return response;
    }

    private static AnnounceProperties settings(String token, int perMinute) {
        return settings(token, perMinute, "");
    }

    private static AnnounceProperties settings(String token, int perMinute, String adminIds) {
        return new AnnounceProperties(token, adminIds, Duration.ofSeconds(3), 500, Duration.ofSeconds(30),
                Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(60), perMinute);
    }
}
