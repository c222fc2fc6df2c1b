package dev.esimbot.support;

import dev.esimbot.config.InvalidSettingException;
import dev.esimbot.i18n.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chatId   the staff supergroup ({@code SUPPORT_CHAT_ID}, such as -1001234567890); blank: staff are alerted only
 *                 through the log
 * @param language the language staff read alerts in
 */
@ConfigurationProperties("support")
public record SupportProperties(String chatId, @DefaultValue("EN") Language language) {

    public SupportProperties {
        chatId = chatId == null ? "" : chatId.strip();
        if (!chatId.isEmpty() && !chatId.matches("-?\\d{1,15}")) {
            throw new InvalidSettingException("SUPPORT_CHAT_ID", "must be a Telegram chat id such as -1001234567890");
        }
    }

    /** The staff group's chat id, or null when none is configured. */
    public Long staffChat() {
        return chatId.isEmpty() ? null : Long.valueOf(chatId);
    }
}
