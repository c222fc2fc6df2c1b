package dev.esimbot.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With SUPPORT_SHOW_AGENT_NAME the user sees the first name of the agent who answered, in the user's language. */
class SupportAgentNameTest {

    private static final long STAFF = -100_100_000_010L;
    private static final TestUser AGENT = TestUser.english(555_000_010, "Agnes");
    private static final Duration ASYNC = Duration.ofSeconds(20);

    private static FakeBotApi telegram;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().staffGroup(STAFF, true).start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("agent-name"));
        settings.put("support.chat-id", Long.toString(STAFF));
        settings.put("support.show-agent-name", "true");
        bot = RunningBot.start(settings, null);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void anEnglishUserSeesTheAgentsFirstNameAboveTextAndInAPhotosCaption() {
        // GIVEN an English user with an open ticket
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(950_101, "Uri"));
        int topic = openTicket(chat);
        // WHEN the agent answers with a text (with HTML-like characters) and a photo with a caption
        agentSays(TelegramUpdates.staffMessage(telegram.nextUpdateId(), AGENT, STAFF, topic, null, "Try <APN> settings"));
        agentSays(TelegramUpdates.staffPhoto(telegram.nextUpdateId(), AGENT, STAFF, topic, null, "Like this"));
        // THEN the text comes as the bot's message signed with her name, escaped, and the photo's caption is signed
        List<String> texts = sentTo(chat.user().id());
        assertThat(texts).contains("👤 <b>Agnes</b>, support team:\nTry &lt;APN&gt; settings");
        Call photo = copiesTo(chat.user().id()).get(0);
        assertThat(photo.param("caption")).isEqualTo("👤 <b>Agnes</b>, support team:\nLike this");
        assertThat(photo.param("parse_mode")).isEqualTo("HTML");
    }

    @Test
    void aChineseUserSeesTheAgentsNameInChinese() {
        // GIVEN a Chinese user with an open ticket
        ChatDriver chat = new ChatDriver(telegram, TestUser.chinese(950_102, "小李"));
        int topic = openTicket(chat);
        // WHEN the agent answers
        agentSays(TelegramUpdates.staffMessage(telegram.nextUpdateId(), AGENT, STAFF, topic, null, "请重启手机"));
        // THEN the answer is signed in Chinese
        assertThat(sentTo(chat.user().id())).contains("👤 客服 <b>Agnes</b>：\n请重启手机");
        assertThat(copiesTo(chat.user().id())).isEmpty();
    }

    private static int openTicket(ChatDriver chat) {
        new SandboxDriver(bot.baseUrl()).reset(chat.user().id(), "demo");
        chat.send("/support");
        return telegram.calls("sendMessage").stream()
                .filter(c -> c.chatId() == STAFF && c.text().contains(Long.toString(chat.user().id()))).findFirst()
                .orElseThrow().body().path("message_thread_id").asInt();
    }

    private static void agentSays(com.fasterxml.jackson.databind.node.ObjectNode update) {
        telegram.enqueue(update);
        telegram.awaitConfirmed(update.get("update_id").asLong(), ASYNC);
    }

    private static List<String> sentTo(long chatId) {
        return telegram.calls("sendMessage").stream().filter(c -> c.chatId() == chatId).map(Call::text).toList();
    }

    private static List<Call> copiesTo(long chatId) {
        return telegram.calls("copyMessage").stream().filter(c -> c.chatId() == chatId).toList();
    }
}
