package dev.esimbot.local;

import dev.esimbot.support.SupportProperties;
import dev.esimbot.telegram.TelegramMode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Local mode: no TELEGRAM_BOT_TOKEN, so a chat page at {@code /} plays Telegram. Nothing here exists when a token is
 * set: the page, its static files and its API all answer 404 then.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramMode.Local.class)
class LocalModeConfig implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LocalModeConfig.class);

    /** Without SUPPORT_CHAT_ID, support tickets go to the staff group the page plays beside the user's chat. */
    @Bean
    static BeanPostProcessor localStaffGroup() {
        return LocalStaffGroup.defaultGroup();
    }

    @Bean
    LocalBotApi localBotApi(Clock clock, SupportProperties support) {
        return new LocalBotApi(clock, support.staffChat());
    }

    @Bean
    LocalUpdates localUpdates(Clock clock) {
        return new LocalUpdates(clock);
    }

    @Bean
    TelegramClient telegramClient(LocalBotApi api) {
        return new LocalTelegramClient(api);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/local/**").addResourceLocations("classpath:/local/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/local/index.html");
    }

    @EventListener
    void announce(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        log.info("LOCAL MODE (no TELEGRAM_BOT_TOKEN): open http://localhost:{}/ to chat with the bot", port);
    }
}
