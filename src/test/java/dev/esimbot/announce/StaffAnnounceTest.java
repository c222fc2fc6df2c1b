package dev.esimbot.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esimbot.conversation.Reply;
import dev.esimbot.i18n.Language;
import dev.esimbot.notices.Notice;
import dev.esimbot.notices.NoticeQueue;
import dev.esimbot.notices.NoticeState;
import dev.esimbot.notices.ScaledSender;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code /announce} in the staff group (preview, Confirm / Cancel, the progress edited in place), who may use it,
 * the audience as users talk to the bot, a regional audience, and a fan-out done twice.
 */
class StaffAnnounceTest {

    private static final long STAFF = -100_200_000_001L;
    private static final TestUser ADMIN = TestUser.english(777_000_001, "Ada");
    private static final TestUser AGENT = TestUser.english(777_000_002, "Agnes");
    private static final long FIRST_CHAT = 4_000_000;
    private static final int USERS = 30;
    private static final Duration ASYNC = Duration.ofSeconds(20);

    private static FakeBotApi telegram;
    private static RunningBot bot;
    private static ScaledSender sender;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().staffGroup(STAFF, false).start();
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("announce-staff"));
        settings.put("support.chat-id", Long.toString(STAFF));
        settings.put("announce.admin-ids", ADMIN.id() + ", 777000009");
        settings.put("announce.progress-every", "200ms");
        settings.put("announce.stall-after", "500ms");
        settings.put("notices.enabled", "false");
        bot = RunningBot.start(settings, null);
        sender = ScaledSender.start(bot, telegram, 250);
        telegram.enforceTelegramLimits(300);
        Audience audience = bot.bean(Audience.class);
        LongStream.range(FIRST_CHAT, FIRST_CHAT + USERS).forEach(chat -> audience.seen(chat, chat % 2 == 0 ? Language.EN : Language.ZH));
    }

    @AfterAll
    static void stop() {
        sender.close();
        bot.close();
        telegram.close();
    }

    @Test
    void anAdminConfirmsThePreviewAndTheProgressIsEditedIntoItUntilDone() {
        // GIVEN an admin's /announce with a text per language
        staffSays(ADMIN, "/announce en: Service restored, thank you for waiting zh: 服务已恢复");

        // THEN the staff group sees a preview of both texts with Confirm and Cancel
        JsonNode preview = telegram.lastMessageTo(STAFF);
        assertThat(preview.path("text").asText()).contains("Service restored, thank you for waiting").contains("服务已恢复");
        JsonNode buttons = preview.path("reply_markup").path("inline_keyboard").get(0);
        assertThat(buttons).extracting(button -> button.path("text").asText()).containsExactly("✅ Send", "✖️ Cancel");

        // WHEN an agent who is no admin taps Confirm (or forges the tap)
        String before = announcementsMade();
        tap(AGENT, preview, buttons.get(0).path("callback_data").asText());

        // THEN nothing starts and the preview keeps its buttons
        assertThat(announcementsMade()).isEqualTo(before);
        assertThat(telegram.lastMessageTo(STAFF).path("reply_markup").isMissingNode()).isFalse();

        // WHEN the admin taps Confirm
        tap(ADMIN, preview, buttons.get(0).path("callback_data").asText());

        // THEN the preview becomes the progress, edited until it says done, with the figures of the whole audience
        Waits.until("progress shown as done", ASYNC, () -> staffMessage(preview).contains("Done"));
        long everyone = members(Language.EN).size() + members(Language.ZH).size();
        assertThat(staffMessage(preview)).contains("Queued: " + everyone).contains("Sent: " + everyone)
                .contains("Left: 0");
        assertThat(telegram.calls("editMessageText").stream().filter(call -> call.chatId() == STAFF)).hasSizeGreaterThan(1);
        // AND every user has it once, in their language
        LongStream.range(FIRST_CHAT, FIRST_CHAT + USERS).forEach(chat -> assertThat(texts(chat)).containsOnlyOnce(
                chat % 2 == 0 ? "Service restored, thank you for waiting" : "服务已恢复"));
    }

    @Test
    void aNonAdminsAnnounceIsIgnored() {
        int before = staffPosts();
        staffSays(AGENT, "/announce Free data for everyone");
        assertThat(staffPosts()).isEqualTo(before);
    }

    @Test
    void cancelEndsThePreviewAndNothingIsSent() {
        staffSays(ADMIN, "/announce Never mind this one");
        JsonNode preview = telegram.lastMessageTo(STAFF);
        String before = announcementsMade();

        tap(ADMIN, preview, preview.path("reply_markup").path("inline_keyboard").get(0).get(1).path("callback_data").asText());

        assertThat(staffMessage(preview)).contains("cancelled");
        assertThat(announcementsMade()).isEqualTo(before);
        LongStream.range(FIRST_CHAT, FIRST_CHAT + USERS).forEach(chat -> assertThat(texts(chat)).doesNotContain("Never mind this one"));
    }

    @Test
    void aUserJoinsTheAudienceInTheirLanguageWhenTheyTalkToTheBotAndMovesWithLanguage() {
        ChatDriver chat = new ChatDriver(telegram, TestUser.chinese(4_100_001, "Li"));
        new SandboxDriver(bot.baseUrl()).reset(chat.user().id(), "demo");
        chat.send("/start");
        assertThat(members(Language.ZH)).contains(chat.user().id());

        chat.send("/language");

        assertThat(members(Language.EN)).contains(chat.user().id());
        assertThat(members(Language.ZH)).doesNotContain(chat.user().id());
    }

    @Test
    void aRegionalAnnouncementReachesOnlyOwnersOfAnEsimInThatRegion() {
        // GIVEN one user with the demo eSIMs (Peru among them) and one with none
        SandboxDriver sandbox = new SandboxDriver(bot.baseUrl());
        long traveller = 4_200_001;
        long newcomer = 4_200_002;
        sandbox.reset(traveller, "demo");
        sandbox.reset(newcomer, "fresh");
        bot.bean(Audience.class).seen(traveller, Language.EN);
        bot.bean(Audience.class).seen(newcomer, Language.EN);

        // WHEN an announcement goes to the region Peru
        Announcement peru = bot.bean(Announcer.class).start(Map.of(Language.EN, "Peru network works again"), "peru", null);
        awaitDone(peru.id());

        // THEN only the owner of a Peru eSIM has it
        assertThat(texts(traveller)).containsOnlyOnce("Peru network works again");
        assertThat(texts(newcomer)).doesNotContain("Peru network works again");
    }

    @Test
    void aFanOutDoneAgainQueuesNobodyTwice() {
        // GIVEN an announcement that has been sent to everyone
        Announcer announcer = bot.bean(Announcer.class);
        Announcement again = announcer.start(Map.of(Language.EN, "Twice?"), Announcement.ALL, null);
        awaitDone(again.id());
        long queued = bot.bean(Announcements.class).progress(again.id()).orElseThrow().queued();

        // WHEN its fan-out runs again from the start, as after a crash before its first cursor was stored
        FanOut fanOut = new FanOut(bot.bean(Announcements.class), bot.bean(Audience.class),
                bot.bean(NoticeQueue.class), bot.bean(dev.esimbot.billing.BillingClient.class),
                bot.bean(AnnounceProperties.class), "another-instance");
        assertThat(fanOut.run(again)).isTrue();
        Waits.pause(Duration.ofSeconds(1)); // time for a repeat to be sent, if one had been queued

        // THEN no recipient was added and nobody has it twice
        assertThat(bot.bean(Announcements.class).progress(again.id()).orElseThrow().queued()).isEqualTo(queued);
        LongStream.range(FIRST_CHAT, FIRST_CHAT + USERS).forEach(chat -> assertThat(texts(chat)).containsOnlyOnce("Twice?"));
    }

    @Test
    void aUserWhoSwitchesLanguageDuringTheFanOutGetsTheAnnouncementOnce() {
        // GIVEN a fan-out going 4 chats a page, and a chat of the language taken second that switches to the one taken
        // first once the fan-out is well past it (with a cursor per language it was in neither pass)
        Language first = Language.values()[0];
        Language second = Language.values()[1];
        long switcher = FIRST_CHAT + (second == Language.EN ? 4 : 5); // even chats speak English, odd ones Chinese
        Audience audience = new Audience(bot.bean(UnifiedJedis.class), bot.bean(RedisKeys.class)) {
            private boolean switched;

            @Override
            List<Long> page(Language language, long afterChat, int count) {
                if (!switched && afterChat >= FIRST_CHAT + 10) {
                    switched = true;
                    seen(switcher, first);
                }
                return super.page(language, afterChat, count);
            }
        };
        AnnounceProperties base = bot.bean(AnnounceProperties.class);
        AnnounceProperties fourAPage = new AnnounceProperties(base.adminToken(), base.adminIds(), base.progressEvery(), 4,
                base.lease(), base.rememberFor(), base.keepFor(), base.stallAfter(), base.adminPerMinute());
        Announcements store = bot.bean(Announcements.class);
        long id = Long.parseLong(announcementsMade().replace("null", "0")) + 1;
        assertThat(store.lease(id, "switch-test")).as("the routine leaves it to this fan-out").isTrue();
        Announcement announcement = store.create(Map.of(Language.EN, "Switched EN", Language.ZH, "Switched ZH"), Announcement.ALL, null);
        assertThat(announcement.id()).isEqualTo(id);
        try {
            // WHEN it fans out
            FanOut fanOut = new FanOut(store, audience, bot.bean(NoticeQueue.class),
                    bot.bean(dev.esimbot.billing.BillingClient.class), fourAPage, "switch-test");
            assertThat(fanOut.run(announcement)).isTrue();
            awaitDone(id);

            // THEN everyone has it once, the switcher too
            LongStream.range(FIRST_CHAT, FIRST_CHAT + USERS).forEach(chat -> assertThat(
                    texts(chat).stream().filter(text -> text.startsWith("Switched")).count()).as("chat " + chat).isEqualTo(1));
        } finally {
            audience.seen(switcher, second);
        }
    }

    @Test
    void anOutcomeLostOnTheWayIsRecountedFromTheNoticeOnceTheAnnouncementFallsQuiet() {
        // GIVEN the notice of the next announcement's recipient sent while its outcome could not be counted (as
        // when an instance dies between the send and the count)
        long id = Long.parseLong(announcementsMade().replace("null", "0")) + 1;
        long chat = FIRST_CHAT + 1;
        Announcement next = new Announcement(id, Map.of(Language.EN, "Lost count"), "atlantis", null);
        NoticeQueue queue = bot.bean(NoticeQueue.class);
        queue.enqueue(new Notice(next.noticeId(chat), chat, new Reply("Lost count", List.of())), Duration.ofHours(1));
        Waits.until("the notice sent", ASYNC, () -> queue.state(next.noticeId(chat)).orElseThrow() == NoticeState.SENT);
        // (the sender reports the outcome right after storing that state: this leaves it the moment to go unheard)
        Waits.pause(Duration.ofMillis(300));
        // AND then the announcement with that recipient, fanned out
        Announcements store = bot.bean(Announcements.class);
        assertThat(store.create(next.texts(), next.audience(), null).id()).isEqualTo(id);
        store.addRecipient(id, chat);
        store.fannedOut(id);

        // WHEN no outcome comes for a while THEN the routine counts it from the notice's state
        awaitDone(id);
        Progress progress = store.progress(id).orElseThrow();
        assertThat(progress.queued()).isEqualTo(1);
        assertThat(progress.sent()).isEqualTo(1);
        assertThat(texts(chat)).containsOnlyOnce("Lost count");
    }

    private static void awaitDone(long id) {
        Waits.until("announcement " + id + " done", ASYNC,
                () -> bot.bean(Announcements.class).progress(id).map(Progress::done).orElse(false));
    }

    private static void staffSays(TestUser who, String text) {
        long id = telegram.nextUpdateId();
        telegram.enqueue(TelegramUpdates.staffMessage(id, who, STAFF, null, null, text));
        telegram.awaitConfirmed(id, ASYNC);
    }

    private static void tap(TestUser who, JsonNode message, String data) {
        long id = telegram.nextUpdateId();
        telegram.enqueue(TelegramUpdates.callback(id, who, message, data));
        telegram.awaitConfirmed(id, ASYNC);
    }

    /** The staff group's message as it looks now (edits applied). */
    private static String staffMessage(JsonNode original) {
        long messageId = original.path("message_id").asLong();
        return telegram.messagesTo(STAFF).stream().filter(message -> message.path("message_id").asLong() == messageId)
                .findFirst().map(message -> message.path("text").asText()).orElse("");
    }

    private static List<String> texts(long chat) {
        return telegram.messagesTo(chat).stream().map(message -> message.path("text").asText()).toList();
    }

    private static int staffPosts() {
        return (int) telegram.calls("sendMessage").stream().filter(call -> call.chatId() == STAFF).count();
    }

    private static List<Long> members(Language language) {
        return bot.bean(UnifiedJedis.class).zrange(bot.bean(RedisKeys.class).audience(language.name()), 0, -1)
                .stream().map(Long::valueOf).toList();
    }

    private static String announcementsMade() {
        return String.valueOf(bot.bean(UnifiedJedis.class).get(bot.bean(RedisKeys.class).announcementSequence()));
    }
}
