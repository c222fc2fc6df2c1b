package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.notices.BlockedUsers;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter against Bot API JSON over HTTP: what it answers, what it ignores, and that nothing breaks it. */
class TelegramAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static FakeBotApi telegram;
    private static RunningBot bot;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        bot = RunningBot.start(RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("adapter")), null);
    }

    @AfterAll
    static void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void aTappedButtonIsAnsweredBeforeTheScreenChanges() {
        ChatDriver chat = new ChatDriver(telegram, TestUser.english(810001, "Ann"));
        chat.send("/start");
        int mark = telegram.calls().size();

        chat.tap("Peru 7-Day", false);

        List<String> methods = telegram.calls().subList(mark, telegram.calls().size()).stream()
                .map(Call::method).filter(m -> !m.equals("getUpdates")).toList();
        assertThat(methods).containsExactly("answerCallbackQuery", "editMessageText");
    }

    @Test
    void aButtonOnAnInaccessibleMessageStillWorksWithANewMessage() {
        // GIVEN a user with a menu on screen
        TestUser user = TestUser.english(810002, "Bo");
        ChatDriver chat = new ChatDriver(telegram, user);
        chat.send("/start");
        String data = menuButtonData(user.id());
        int mark = chat.mark();
        // WHEN Telegram reports the tap with an inaccessible message (too old), so only from.id identifies the chat
        long id = telegram.nextUpdateId();
        telegram.enqueue(TelegramUpdates.callbackInaccessible(id, user, 1, data));
        telegram.awaitConfirmed(id, WAIT);
        // THEN the answer arrives as a new message
        assertThat(chat.visibleSince(mark)).extracting(Call::method).containsExactly("sendMessage");
        assertThat(chat.visibleSince(mark).get(0).text()).contains("Region: Peru");
    }

    @Test
    void aButtonWithoutAnyMessageStillWorks() {
        TestUser user = TestUser.english(810003, "Cy");
        ChatDriver chat = new ChatDriver(telegram, user);
        chat.send("/start");
        String data = menuButtonData(user.id());
        int mark = chat.mark();

        long id = telegram.nextUpdateId();
        telegram.enqueue(TelegramUpdates.callbackWithoutMessage(id, user, "inline-1", data));
        telegram.awaitConfirmed(id, WAIT);

        assertThat(chat.visibleSince(mark)).extracting(Call::text).singleElement().asString().contains("Region: Peru");
    }

    @Test
    void privateMessagesTheBotCannotReadGetAHint() {
        TestUser user = TestUser.chinese(810004, "小李");
        ChatDriver chat = new ChatDriver(telegram, user);
        chat.send("/start");
        int mark = chat.mark();

        deliver(TelegramUpdates.photo(telegram.nextUpdateId(), user, "截图"));
        deliver(TelegramUpdates.editedMessage(telegram.nextUpdateId(), user, 1, "改过的文字"));

        assertThat(chat.visibleSince(mark)).extracting(Call::text)
                .allSatisfy(text -> assertThat(text).startsWith("我只能识别文字和按钮")).hasSize(2);
    }

    @Test
    void groupsChannelsAndMembershipChangesAreIgnoredWithoutHarm() {
        TestUser user = TestUser.english(810005, "Dee");
        int mark = telegram.calls().size();

        deliver(TelegramUpdates.groupMessage(telegram.nextUpdateId(), user, -100123, "/start"));
        deliver(TelegramUpdates.channelPost(telegram.nextUpdateId(), -100456, "news"));
        deliver(TelegramUpdates.myChatMember(telegram.nextUpdateId(), user, "kicked"));
        deliver(TelegramUpdates.sticker(telegram.nextUpdateId(), user, "🙂"));

        List<Call> answers = telegram.calls().subList(mark, telegram.calls().size()).stream()
                .filter(c -> c.method().equals("sendMessage")).toList();
        assertThat(answers).extracting(Call::chatId).containsExactly(user.id());
    }

    @Test
    void aUserWhoBlocksTheBotIsMarkedAndUnmarkedWhenTheyStartItAgain() {
        TestUser user = TestUser.english(810006, "Flo");
        BlockedUsers blocked = bot.bean(BlockedUsers.class);

        deliver(TelegramUpdates.myChatMember(telegram.nextUpdateId(), user, "kicked"));
        assertThat(blocked.isBlocked(user.id())).isTrue();

        deliver(TelegramUpdates.myChatMember(telegram.nextUpdateId(), user, "member"));
        assertThat(blocked.isBlocked(user.id())).isFalse();
    }

    private static void deliver(com.fasterxml.jackson.databind.node.ObjectNode update) {
        telegram.enqueue(update);
        telegram.awaitConfirmed(update.get("update_id").asLong(), WAIT);
    }

    private static String menuButtonData(long chatId) {
        return telegram.lastMessageTo(chatId).path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("callback_data").asText();
    }
}
