package dev.esimbot.telegram;

import dev.esimbot.ops.LastContact;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * One outgoing Bot API call with the adapter's rules: 429 waits {@code retry_after} and tries again, a call that
 * never reached Telegram is repeated, anything else is logged (ids and Telegram's answer only) and answered null.
 */
final class BotCalls {

    private static final Logger log = LoggerFactory.getLogger(BotCalls.class);

    private final TelegramProperties properties;
    private final LastContact contact;

    BotCalls(TelegramProperties properties, LastContact contact) {
        this.properties = properties;
        this.contact = contact;
    }

    interface Call<T> {
        T run() throws TelegramApiException;
    }

    /** Retries 429 (waiting retry_after) and network errors; gives up on other API errors. Null when it failed. */
    <T> T call(long chatId, String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T answer = call.run();
                contact.reached();
                return answer;
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                reachedUnlessServerError(code);
                if (code != null && code == 400 && String.valueOf(e.getApiResponse()).contains("message is not modified")) {
                    return nothingChanged();
                }
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                if (code != null && code == 429 && retryAfter != null && attempt < properties.sendAttempts()
                        && retryAfter <= properties.maxRetryAfter().toSeconds()) {
                    sleep(TimeUnit.SECONDS.toMillis(retryAfter));
                    continue;
                }
                log.warn("chat={} {} refused: {} {}", chatId, method, code, e.getApiResponse());
                return null;
            } catch (TelegramApiException e) {
                // Only a call that never reached Telegram is repeated: after a read timeout it may have been
                // delivered, and a second copy (of a receipt, say) is worse than a logged failure.
                contact.failed(e.getClass().getSimpleName());
                if (!neverSent(e) || attempt >= properties.sendAttempts()) {
                    log.warn("chat={} {} failed after {} attempts: {}", chatId, method, attempt, e.toString());
                    return null;
                }
                sleep(200L * attempt);
            }
        }
    }

    /** A refusal (403 blocked, 400 bad request, 429) is an answer: Telegram was reached; 401 and 5xx are not well. */
    private void reachedUnlessServerError(Integer code) {
        if (code != null && code != 401 && code < 500) {
            contact.reached();
        } else {
            contact.failed("http_" + code);
        }
    }

    private static boolean neverSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> T nothingChanged() {
        return (T) Boolean.TRUE;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
