package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.Esim;
import dev.esimbot.notices.EsimKeys;
import dev.esimbot.notices.ExpiryScan;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** An expiry notice's buttons and /notifications, through the real pipeline, sender and sandbox billing. */
class NoticeButtonsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PREFIX = TestRedis.uniquePrefix("notice-buttons");

    private static FakeBotApi telegram;
    private static RunningBot bot;
    private static long nextUser = 982_000;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        bot = RunningBot.start(RunningBot.defaults(telegram.baseUrl(), PREFIX), new MutableClock(MutableClock.SCENARIO_TIME));
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void renewNowOpensThePlansOfTheEsimTheNoticeIsAbout() {
        ChatDriver chat = userWithNotice();

        int mark = chat.mark();
        chat.tap("🔄 Renew now", false);

        Call plans = lastVisible(chat, mark);
        assertThat(plans.method()).as("a new message: the notice stays").isEqualTo("sendMessage");
        assertThat(plans.text()).contains("Renewal plans").contains("Peru 7-Day 3 GB");
    }

    @Test
    void turnAutoRenewOnSwitchesItOnInBillingAndDropsTheEsimsPendingReminders() {
        ChatDriver chat = userWithNotice();
        Esim peru = peru(chat.user().id());

        int mark = chat.mark();
        chat.tap("🔁 Turn auto-renew on", false);

        assertThat(lastVisible(chat, mark).text()).contains("Auto-renew is now on").contains("Peru 7-Day 3 GB");
        assertThat(peru(chat.user().id()).autoRenew()).isTrue();
        try (UnifiedJedis redis = TestRedis.client()) {
            assertThat(redis.exists(new RedisKeys(PREFIX).noticeCovered(EsimKeys.of(peru.iccid())))).isTrue();
        }
    }

    @Test
    void aForgedNoticeButtonNamingSomeoneElsesEsimChangesNothing() {
        ChatDriver chat = userWithNotice();
        ChatDriver other = userWithNotice();
        String theirs = peru(other.user().id()).iccid();
        JsonNode notice = telegram.lastMessageTo(chat.user().id());

        int mark = chat.mark();
        chat.deliver(TelegramUpdates.callback(telegram.nextUpdateId(), chat.user(), notice, "na:" + theirs + ":-"));
        assertThat(lastVisible(chat, mark).text()).contains("not linked to your account");

        int later = chat.mark();
        chat.deliver(TelegramUpdates.callback(telegram.nextUpdateId(), chat.user(), notice, "na:" + theirs + ":5"));
        assertThat(lastVisible(chat, later).text()).as("a notice action with a screen version").contains("does not work");
        assertThat(peru(other.user().id()).autoRenew()).isFalse();
    }

    @Test
    void stopTheseNoticesTurnsThemOffAndNotificationsTurnsThemOnAgain() {
        ChatDriver chat = userWithNotice();
        NoticeSwitch notices = bot.bean(NoticeSwitch.class);

        chat.tap("🔕 Stop these notices", false);
        assertThat(notices.enabled(chat.user().id())).isFalse();

        int mark = chat.mark();
        chat.send("/notifications");
        Call shown = lastVisible(chat, mark);
        assertThat(shown.text()).contains("are <b>off</b>");
        assertThat(shown.body().toString()).contains("Turn reminders on");

        chat.send("/notifications on");
        assertThat(notices.enabled(chat.user().id())).isTrue();
        chat.tap("🔕 Turn reminders off", false);
        assertThat(notices.enabled(chat.user().id())).isFalse();
    }

    /** A new user who started the bot and has just received the "ends within 3 days" notice for the Peru eSIM. */
    private static ChatDriver userWithNotice() {
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(nextUser++, "Noa"));
        chat.send("/start");
        int mark = chat.mark();
        bot.bean(ExpiryScan.class).run();
        chat.awaitMessageSince(mark, WAIT);
        assertThat(lastVisible(chat, mark).text()).contains("ends in less than 3 days");
        return chat;
    }

    private static Call lastVisible(ChatDriver chat, int mark) {
        List<Call> calls = chat.visibleSince(mark);
        assertThat(calls).as("what the bot showed").isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private static Esim peru(long user) {
        return bot.bean(BillingClient.class).esims(user).stream().filter(e -> e.planName().startsWith("Peru"))
                .findFirst().orElseThrow();
    }

}
