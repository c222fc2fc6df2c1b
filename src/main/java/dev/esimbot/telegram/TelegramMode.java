package dev.esimbot.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Which Telegram the bot talks to: the real Bot API when a token is set, the local chat page when it is not. */
public final class TelegramMode {

    private TelegramMode() {
    }

    static boolean hasToken(ConditionContext context) {
        String token = context.getEnvironment().getProperty("telegram.bot-token");
        return token != null && !token.isBlank();
    }

    /** TELEGRAM_BOT_TOKEN is set: the Bot API, by long polling or webhook. */
    public static final class BotApi implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return hasToken(context);
        }
    }

    static boolean hasWebhook(ConditionContext context) {
        String url = context.getEnvironment().getProperty("telegram.webhook-url");
        return url != null && !url.isBlank();
    }

    /** Bot API mode without TELEGRAM_WEBHOOK_URL: long polling. */
    public static final class Polling implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return hasToken(context) && !hasWebhook(context);
        }
    }

    /** Bot API mode with TELEGRAM_WEBHOOK_URL: Telegram posts updates to the webhook endpoint. */
    public static final class Webhook implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return hasToken(context) && hasWebhook(context);
        }
    }

    /** TELEGRAM_BOT_TOKEN is blank: local mode. */
    public static final class Local implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !hasToken(context);
        }
    }
}
