package dev.esimbot.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode: once the app is ready to take requests, tells Telegram where to post updates and which secret to
 * send with them. Pending updates are kept (not dropped), so a switch from polling loses nothing. Start-up stops when
 * Telegram refuses, since the bot would otherwise wait for updates that never come.
 */
@Conditional(TelegramMode.Webhook.class)
@Component
class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final TelegramClient telegram;
    private final TelegramProperties properties;

    WebhookRegistration(TelegramClient telegram, TelegramProperties properties) {
        this.telegram = telegram;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        SetWebhook setWebhook = SetWebhook.builder().url(properties.webhookUrl()).secretToken(properties.webhookSecret())
                .allowedUpdates(LongPolling.ALLOWED).dropPendingUpdates(false).build();
        try {
            telegram.execute(setWebhook);
            log.info("webhook set: Telegram posts updates to {}", java.net.URI.create(properties.webhookUrl()).getHost());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram refused setWebhook: " + e.getMessage(), e);
        }
    }
}
