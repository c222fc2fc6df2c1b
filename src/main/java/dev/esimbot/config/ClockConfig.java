package dev.esimbot.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** Logic takes time from this bean so tests can control it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
