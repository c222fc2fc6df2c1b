package dev.esimbot.telegram;

import dev.esimbot.conversation.Reply;
import dev.esimbot.notices.Delivery;
import dev.esimbot.notices.NoticeTransport;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends notices through the same client and in the same form as the bot's replies, but hands Telegram's answer back
 * as it is (unlike {@link TelegramMessenger}, which retries and hides failures): the notice sender decides.
 */
@Component
public final class TelegramNoticeTransport implements NoticeTransport {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FORBIDDEN = 403;

    private final TelegramClient client;

    public TelegramNoticeTransport(TelegramClient client) {
        this.client = client;
    }

    @Override
    public Delivery send(long chatId, Reply reply) {
        try {
            client.execute(TelegramMessenger.sendMessage(chatId, reply));
            return Delivery.sent();
        } catch (TelegramApiRequestException e) {
            return refused(e);
        } catch (TelegramApiException e) {
            // Not answered: the exception's message and cause name the failure (the URL with the token is not in it).
            return Delivery.failedTransient(rootCause(e));
        }
    }

    /** 429 and 403 as Telegram means them; a 5xx (or no code) may pass; any other 4xx will not. */
    private static Delivery refused(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String detail = code + " " + e.getApiResponse();
        if (code == null || code >= 500) {
            return Delivery.failedTransient(detail);
        }
        if (code == TOO_MANY_REQUESTS) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return Delivery.retryAfter(retryAfter == null ? 1 : retryAfter, detail);
        }
        return code == FORBIDDEN ? Delivery.blocked(detail) : Delivery.failedPermanent(detail);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
