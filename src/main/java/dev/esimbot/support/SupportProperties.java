package dev.esimbot.support;

import dev.esimbot.config.InvalidSettingException;
import dev.esimbot.i18n.Language;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chatId    the staff supergroup ({@code SUPPORT_CHAT_ID}, such as -1001234567890); blank: no tickets, users get
 *                  the fallback contact, and staff alerts go only to the log
 * @param language  the language staff read the context card and the bot's notes in
 * @param hours     when agents answer ({@code SUPPORT_HOURS}, such as {@code MON-FRI 09:00-18:00}); blank: always
 * @param zone      the time zone of those hours ({@code SUPPORT_ZONE}, such as {@code Asia/Shanghai})
 * @param bumpAfter a ticket waiting this long for an agent's answer is bumped in the staff group
 * @param showAgentName whether the user sees the first name of the agent who answered ({@code SUPPORT_SHOW_AGENT_NAME})
 */
@ConfigurationProperties("support")
public record SupportProperties(String chatId, @DefaultValue("EN") Language language, String hours,
                                @DefaultValue("UTC") String zone, @DefaultValue("15m") Duration bumpAfter,
                                @DefaultValue("false") boolean showAgentName) {

    public SupportProperties {
        chatId = chatId == null ? "" : chatId.strip();
        if (!chatId.isEmpty() && !chatId.matches("-?\\d{1,15}")) {
            throw new InvalidSettingException("SUPPORT_CHAT_ID", "must be a Telegram chat id such as -1001234567890");
        }
        hours = hours == null ? "" : hours.strip();
        zoneId(zone);
        WorkingHours.parse(hours, zoneId(zone));
        if (bumpAfter.isNegative() || bumpAfter.isZero()) {
            throw new InvalidSettingException("SUPPORT_BUMP_AFTER", "must be a positive duration such as 15m");
        }
    }

    /** The staff group's chat id, or null when none is configured. */
    public Long staffChat() {
        return chatId.isEmpty() ? null : Long.valueOf(chatId);
    }

    /** The same settings with another staff group (local mode plays one when none is configured). */
    public SupportProperties withChatId(long staffChat) {
        return new SupportProperties(Long.toString(staffChat), language, hours, zone, bumpAfter, showAgentName);
    }

    WorkingHours workingHours() {
        return WorkingHours.parse(hours, zoneId(zone));
    }

    private static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSettingException("SUPPORT_ZONE", "is not a time zone such as Asia/Shanghai or UTC: " + zone);
        }
    }
}
