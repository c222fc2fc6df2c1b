package dev.esimbot.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esimbot.i18n.Language;
import dev.esimbot.notices.BlockedUsers;
import dev.esimbot.notices.ScaledSender;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Announcements through the admin API of the running app, to 2,000 users, against a fake Bot API that enforces
 * Telegram's limits. Telegram and the sender are scaled ten times up (300 and 250 a second) so it takes seconds; the
 * queue, the limiter and the retries run as in production.
 */
class AnnouncementsTest {

    private static final long FIRST_CHAT = 3_000_000;
    private static final int USERS = 2_000;

    private static FakeBotApi telegram;
    private static RunningBot bot;
    private static ScaledSender sender;
    private static AdminHttp admin;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("announce-api"));
        settings.put("announce.admin-token", AdminHttp.TOKEN);
        settings.put("announce.admin-per-minute", "1000");
        settings.put("announce.progress-every", "200ms");
        settings.put("notices.enabled", "false");
        bot = RunningBot.start(settings, null);
        sender = ScaledSender.start(bot, telegram, 250);
        admin = new AdminHttp(bot.baseUrl());
    }

    @AfterAll
    static void stop() {
        sender.close();
        bot.close();
        telegram.close();
    }

    @Test
    void twoThousandUsersGetTheAnnouncementOnceInTheirLanguageAndTheProgressAddsUp() {
        // GIVEN 2,000 users, even chats in English and odd ones in Chinese, of whom every 33rd blocked the bot
        Audience audience = bot.bean(Audience.class);
        long[] chats = LongStream.range(FIRST_CHAT, FIRST_CHAT + USERS).toArray();
        LongStream.of(chats).forEach(chat -> audience.seen(chat, chat % 2 == 0 ? Language.EN : Language.ZH));
        long[] blocked = LongStream.of(chats).filter(chat -> chat % 33 == 0).toArray();
        telegram.blockedBy(blocked).enforceTelegramLimits(300);
        // AND Telegram will refuse the first two sends with 429, besides any its limits cause
        telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
        telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);

        // WHEN an admin posts an announcement to all
        long id = admin.start("{\"text\":{\"en\":\"Maintenance tonight <22:00-23:00 UTC>\",\"zh\":\"今晚维护\"},"
                + "\"audience\":\"all\"}");
        Waits.until("announcement done", Duration.ofSeconds(60),
                () -> "done".equals(admin.progress(id).path("state").asText()));

        // THEN every user who did not block the bot has exactly one message, in their language, as plain text
        for (long chat : chats) {
            List<JsonNode> messages = telegram.messagesTo(chat);
            assertThat(messages).as("messages to chat %d", chat).hasSize(chat % 33 == 0 ? 0 : 1);
            messages.forEach(message -> assertThat(message.path("text").asText())
                    .isEqualTo(chat % 2 == 0 ? "Maintenance tonight &lt;22:00-23:00 UTC&gt;" : "今晚维护"));
        }
        // AND those who blocked it are marked, and every 429 was followed by the message going out
        LongStream.of(blocked).forEach(chat -> assertThat(bot.bean(BlockedUsers.class).isBlocked(chat)).isTrue());
        assertThat(telegram.calls("sendMessage")).hasSize(USERS + 2 + tooMany());
        // AND the progress adds up
        JsonNode progress = admin.progress(id);
        assertThat(progress.path("queued").asLong()).isEqualTo(USERS);
        assertThat(progress.path("sent").asLong()).isEqualTo(USERS - blocked.length);
        assertThat(progress.path("blocked").asLong()).isEqualTo(blocked.length);
        assertThat(progress.path("failed").asLong()).isZero();
        assertThat(progress.path("left").asLong()).isZero();
    }

    @Test
    void theAdminApiRefusesAMissingOrWrongTokenAndChangesNothing() {
        String before = announcementsMade();
        // WHEN an announcement is posted without a token, with a wrong one, and its progress asked with a wrong one
        HttpResponse<String> none = admin.post("{\"text\":{\"en\":\"Hi\"}}", null);
        HttpResponse<String> wrong = admin.post("{\"text\":{\"en\":\"Hi\"}}", "not-the-admin-token-000000");
        HttpResponse<String> peek = admin.get(1, "not-the-admin-token-000000");

        // THEN each is answered 401 asking for a bearer token, and no announcement was made
        assertThat(List.of(none, wrong, peek)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        });
        assertThat(announcementsMade()).isEqualTo(before);
    }

    @Test
    void aBodyWithoutTextOrWithAnUnknownLanguageIsRefusedAndAnUnknownIdIsNotFound() {
        assertThat(admin.post("{\"audience\":\"all\"}", AdminHttp.TOKEN).statusCode()).isEqualTo(400);
        assertThat(admin.post("{\"text\":{\"fr\":\"Bonjour\"}}", AdminHttp.TOKEN).statusCode()).isEqualTo(400);
        assertThat(admin.get(987_654, AdminHttp.TOKEN).statusCode()).isEqualTo(404);
    }

    private static String announcementsMade() {
        return String.valueOf(bot.bean(UnifiedJedis.class).get(bot.bean(RedisKeys.class).announcementSequence()));
    }

    private static int tooMany() {
        return (int) telegram.refusals().stream().filter(refusal -> refusal.errorCode() == 429).count();
    }
}
