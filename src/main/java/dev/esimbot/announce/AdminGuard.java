package dev.esimbot.announce;

import dev.esimbot.session.RedisKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import redis.clients.jedis.UnifiedJedis;

/**
 * In front of {@code /admin/**}: without {@code ADMIN_TOKEN} the admin API does not exist (404); each client may make
 * a few requests a minute (counted in Redis, so across instances, also the refused ones, which slows guessing); and
 * the bearer token must match (compared in constant time).
 */
@Configuration(proxyBeanMethods = false)
class AdminGuard implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AdminGuard.class);
    static final String PATHS = "/admin/**";

    /** Counts a request in the client's minute; the first one sets the window's expiry. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('EXPIRE', KEYS[1], 60) end
            return n""";

    private final AnnounceProperties settings;
    private final byte[] expected;
    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;

    AdminGuard(AnnounceProperties settings, UnifiedJedis redis, RedisKeys keys, Clock clock) {
        this.settings = settings;
        this.expected = ("Bearer " + settings.adminToken()).getBytes(StandardCharsets.UTF_8);
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        if (!settings.apiEnabled()) {
            log.info("ADMIN_TOKEN is not set: the admin API (/admin/announcements) is off and answers 404");
        }
        if (settings.admins().isEmpty()) {
            log.info("BOT_ADMIN_IDS is not set: /announce in the staff group is refused for everyone");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!settings.apiEnabled()) {
            return refuse(response, HttpServletResponse.SC_NOT_FOUND, "not_found", "no such endpoint");
        }
        if (tooMany(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            return refuse(response, 429, "too_many_requests", "too many admin requests, try again in a minute");
        }
        String header = request.getHeader("Authorization");
        if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            log.warn("admin request {} {} from {} refused: missing or wrong token", request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr());
            response.setHeader("WWW-Authenticate", "Bearer");
            return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "missing or wrong bearer token");
        }
        return true;
    }

    private boolean tooMany(String client) {
        long minute = clock.millis() / 60_000;
        Object count = redis.eval(COUNT, List.of(keys.adminRequests(client, minute)), List.of());
        return (Long) count > settings.adminPerMinute();
    }

    private static boolean refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
        return false;
    }
}
