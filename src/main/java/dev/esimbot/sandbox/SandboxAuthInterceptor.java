package dev.esimbot.sandbox;

import dev.esimbot.billing.BillingProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The sandbox API demands billing's bearer key, so a client that forgets it fails here as it would in production. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxAuthInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final byte[] expected;

    SandboxAuthInterceptor(BillingProperties billing) {
        this.expected = ("Bearer " + billing.apiKey()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(SandboxApi.BASE + "/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String header = request.getHeader("Authorization");
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"code\":\"unauthorized\",\"message\":\"missing or wrong bearer key\"}");
        return false;
    }
}
