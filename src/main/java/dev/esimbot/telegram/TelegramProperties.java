package dev.esimbot.telegram;

import dev.esimbot.config.InvalidSettingException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * @param botToken      from BotFather ({@code TELEGRAM_BOT_TOKEN}); blank means local mode (see the {@code local} package)
 * @param apiUrl        Bot API base URL ({@code TELEGRAM_API_URL}): scheme, host and port only
 * @param workers       local mode: chats handled in parallel from one batch of updates ({@code TELEGRAM_WORKERS})
 * @param maxInFlight   Bot API mode: updates one instance has read from the queue and not finished, at most
 *                      ({@code TELEGRAM_MAX_IN_FLIGHT}): that many chats can be handled at once, each on a thread
 *                      of its own while it has work, each chat's updates in order
 * @param sendAttempts  tries for one outgoing message when Telegram answers 429 or cannot be reached
 * @param sendTimeout   read timeout of one outgoing call
 * @param paymentProviderToken from BotFather's Payments page ({@code TELEGRAM_PAYMENT_PROVIDER_TOKEN}); set, users may
 *                      also pay in Telegram with a native invoice
 * @param webhookUrl    public https URL Telegram posts updates to ({@code TELEGRAM_WEBHOOK_URL}); blank means long
 *                      polling. It must reach this app's {@code /telegram/webhook}
 * @param webhookSecret sent by Telegram in {@code X-Telegram-Bot-Api-Secret-Token} with every webhook request
 *                      ({@code TELEGRAM_WEBHOOK_SECRET}, required in webhook mode: 1-256 of A-Z a-z 0-9 _ -)
 */
@ConfigurationProperties("telegram")
public record TelegramProperties(
        String botToken,
        @DefaultValue("https://api.telegram.org") String apiUrl,
        @DefaultValue("8") int workers,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("3") int sendAttempts,
        @DefaultValue("50") int pollTimeoutSeconds,
        @DefaultValue("10s") Duration maxRetryAfter,
        @DefaultValue("10s") Duration sendTimeout,
        String paymentProviderToken,
        String webhookUrl,
        String webhookSecret) {

    private static final Pattern TOKEN = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{10,}");
    /** Each chat in flight holds a platform thread while it has work: a few thousand stay cheap, far more do not. */
    static final int MAX_IN_FLIGHT = 4_096;
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramProperties {
        botToken = botToken == null ? "" : botToken.trim();
        paymentProviderToken = paymentProviderToken == null ? "" : paymentProviderToken.trim();
        if (!botToken.isEmpty() && !TOKEN.matcher(botToken).matches()) {
            throw new InvalidSettingException("TELEGRAM_BOT_TOKEN", "does not look like a bot token (digits:letters from @BotFather)");
        }
        webhookUrl = webhookUrl == null ? "" : webhookUrl.trim();
        webhookSecret = webhookSecret == null ? "" : webhookSecret.trim();
        telegramUrl(apiUrl);
        List<InvalidSettingException> problems = checkConcurrency(workers, maxInFlight);
        checkWebhook(botToken, webhookUrl, webhookSecret, problems);
        InvalidSettingException.throwAll(problems);
    }

    private static List<InvalidSettingException> checkConcurrency(int workers, int maxInFlight) {
        List<InvalidSettingException> problems = new ArrayList<>();
        if (workers < 1 || workers > 256) {
            problems.add(new InvalidSettingException("TELEGRAM_WORKERS", "must be 1 to 256, got " + workers));
        }
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            problems.add(new InvalidSettingException("TELEGRAM_MAX_IN_FLIGHT", "must be 1 to " + MAX_IN_FLIGHT
                    + " (a thread per chat in flight), got " + maxInFlight));
        }
        return problems;
    }

    private static void checkWebhook(String botToken, String webhookUrl, String webhookSecret,
                                     List<InvalidSettingException> problems) {
        if (webhookUrl.isEmpty()) {
            return;
        }
        if (botToken.isEmpty()) {
            problems.add(new InvalidSettingException("TELEGRAM_WEBHOOK_URL", "is set but TELEGRAM_BOT_TOKEN is not (local mode has no webhook)"));
        }
        URI uri = null;
        try {
            uri = URI.create(webhookUrl);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            problems.add(new InvalidSettingException("TELEGRAM_WEBHOOK_URL", "must be a public https:// URL, got " + webhookUrl));
        }
        if (webhookSecret.isEmpty()) {
            problems.add(new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET", "is required when TELEGRAM_WEBHOOK_URL is set"));
        } else if (!SECRET.matcher(webhookSecret).matches()) {
            problems.add(new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET", "must be 1-256 characters of A-Z a-z 0-9 _ -"));
        }
    }

    /** Webhook mode: Telegram posts updates to {@link #webhookUrl}; otherwise the bot long-polls. */
    public boolean webhookMode() {
        return !webhookUrl.isEmpty();
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "TelegramProperties[apiUrl=" + apiUrl + ", localMode=" + localMode() + ", workers=" + workers
                + ", maxInFlight=" + maxInFlight + ", invoices=" + !paymentProviderToken.isEmpty() + ", webhook=" + webhookMode() + "]";
    }

    /** No token: the bot runs with the local chat page in place of Telegram. */
    public boolean localMode() {
        return botToken.isEmpty();
    }

    public TelegramUrl telegramUrl() {
        return telegramUrl(apiUrl);
    }

    private static TelegramUrl telegramUrl(String apiUrl) {
        URI uri;
        try {
            uri = URI.create(apiUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("TELEGRAM_API_URL", "is not a URL: " + apiUrl);
        }
        boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath());
        if (!http || uri.getHost() == null || !bare) {
            throw new InvalidSettingException("TELEGRAM_API_URL", "must be http(s)://host[:port] without a path, got " + apiUrl);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }
}
