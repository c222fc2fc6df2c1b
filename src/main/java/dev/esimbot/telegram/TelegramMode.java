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

    /** TELEGRAM_BOT_TOKEN is set: long polling against the Bot API. */
    public static final class BotApi implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return hasToken(context);
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
