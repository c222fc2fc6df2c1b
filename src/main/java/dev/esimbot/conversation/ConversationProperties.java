package dev.esimbot.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param supportContact  where users reach a person until the handoff feature lands
 * @param reconcileEvery  how often orders still waiting for a final state are checked with billing
 * @param reconcileFirst  how long after an order is created its first check is due
 * @param reconcileMax    the longest wait between two checks of one order; the wait doubles from reconcileEvery
 * @param fulfilmentGrace how long an order may stay paid but not renewed before the user is told and staff alerted
 */
@ConfigurationProperties("bot")
public record ConversationProperties(
        @DefaultValue("@esim_support / support@example.com") String supportContact,
        @DefaultValue("15s") Duration reconcileEvery,
        @DefaultValue("60s") Duration reconcileFirst,
        @DefaultValue("5m") Duration reconcileMax,
        @DefaultValue("10m") Duration fulfilmentGrace) {
}
