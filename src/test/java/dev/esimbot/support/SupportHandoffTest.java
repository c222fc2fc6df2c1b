package dev.esimbot.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.sandbox.SandboxIccids;
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

/**
 * A user hands over to a person and back, through the real pipeline: a staff supergroup with topics (one topic per
 * ticket) and one without (agents answer by replying to the copies). Telegram is the fake Bot API on both sides.
 */
class SupportHandoffTest {

    private static final long TOPICS_GROUP = -100_100_000_001L;
    private static final long REPLIES_GROUP = -100_100_000_002L;
    private static final TestUser AGENT = TestUser.english(555_000_001, "Agnes");
    private static final Duration ASYNC = Duration.ofSeconds(20);

    private static FakeBotApi topicsTelegram;
    private static FakeBotApi repliesTelegram;
    private static RunningBot topicsBot;
    private static RunningBot repliesBot;

    @BeforeAll
    static void start() {
        topicsTelegram = new FakeBotApi().staffGroup(TOPICS_GROUP, true).start();
        repliesTelegram = new FakeBotApi().staffGroup(REPLIES_GROUP, false).start();
        topicsBot = startBot(topicsTelegram, TOPICS_GROUP, "support-topics");
        repliesBot = startBot(repliesTelegram, REPLIES_GROUP, "support-replies");
    }

    @AfterAll
    static void stop() {
        topicsBot.close();
        repliesBot.close();
        topicsTelegram.close();
        repliesTelegram.close();
    }

    @Test
    void ticketInATopicCarriesBothSidesUntilStaffCloseItAndTheUserRatesIt() {
        // GIVEN a user in the menu who asks for a person
        ChatDriver chat = new ChatDriver(topicsTelegram, TestUser.english(950_001, "Uma"));
        new SandboxDriver(topicsBot.baseUrl()).reset(chat.user().id(), "demo");
        chat.send("/start");
        int opened = chat.mark();
        chat.tap("🙋 Talk to a human", false);

        // THEN a topic named after the ticket and the user opens with the context card, and the user is told
        Call topic = topicsTelegram.awaitCall("createForumTopic", ASYNC);
        assertThat(topic.param("name")).matches("#\\d+ Uma");
        Call card = staffPosts(topicsTelegram, TOPICS_GROUP).get(0);
        int topicId = card.body().path("message_thread_id").asInt();
        String iccid = SandboxIccids.of(chat.user().id(), SandboxIccids.PERU);
        assertThat(card.text()).contains("Uma").contains("950001").contains("main menu").contains("Peru 7-Day")
                .contains("…" + iccid.substring(iccid.length() - 4)).doesNotContain(iccid);
        assertThat(chat.visibleSince(opened)).extracting(Call::text).anyMatch(t -> t.contains("is open"));

        // WHEN the user writes and sends a photo
        int relayed = chat.mark();
        chat.send("My data does not work in Lima");
        chat.deliver(TelegramUpdates.photo(topicsTelegram.nextUpdateId(), chat.user(), null));

        // THEN both are copied into the topic, and the bot itself says nothing
        List<Call> copies = copiesTo(topicsTelegram, TOPICS_GROUP);
        assertThat(copies).hasSize(2).allSatisfy(c -> {
            assertThat(c.body().path("message_thread_id").asInt()).isEqualTo(topicId);
            assertThat(c.body().path("from_chat_id").asLong()).isEqualTo(chat.user().id());
        });
        assertThat(chat.visibleSince(relayed)).isEmpty();

        // WHEN an agent answers in the topic, and writes an internal note
        agentSays(topicsTelegram, TOPICS_GROUP, topicId, null, "Please restart your phone");
        agentSays(topicsTelegram, TOPICS_GROUP, topicId, null, "#looks like roaming is off");

        // THEN only the answer reaches the user, as the bot's copy
        List<Call> toUser = copiesTo(topicsTelegram, chat.user().id());
        assertThat(toUser).hasSize(1);
        assertThat(toUser.get(0).body().path("from_chat_id").asLong()).isEqualTo(TOPICS_GROUP);

        // WHEN the agent closes the ticket and the user rates it
        int closed = chat.mark();
        agentSays(topicsTelegram, TOPICS_GROUP, topicId, null, "/close");
        chat.awaitMessageSince(closed, ASYNC);
        assertThat(chat.visibleSince(closed).get(0).text()).contains("How did we do?");
        // (a kind word while rating opens no new ticket: it offers the button, and Back returns to the rating)
        chat.send("the staff were great, thanks");
        assertThat(topicsTelegram.calls("createForumTopic")).hasSize(1);
        assertThat(chat.shows("🙋 Talk to a human")).isTrue();
        chat.tap("⬅ Back", false);
        chat.tap("5 ⭐", false);

        // THEN the rating is posted back into the topic, and the user is back in the menu
        Call rating = topicsTelegram.awaitCall(c -> c.chatId() == TOPICS_GROUP && c.text() != null
                && c.text().contains("5/5"), ASYNC);
        assertThat(rating.body().path("message_thread_id").asInt()).isEqualTo(topicId);
        int back = chat.mark();
        chat.send("/start");
        assertThat(chat.visibleSince(back)).extracting(Call::text).anyMatch(t -> t.contains("Your eSIMs"));
    }

    @Test
    void withoutTopicsAgentsAnswerByReplyingAndTheUserMayEndTheTicket() {
        // GIVEN a user whose ticket lives in a group without topics
        ChatDriver chat = new ChatDriver(repliesTelegram, TestUser.english(950_002, "Vic"));
        new SandboxDriver(repliesBot.baseUrl()).reset(chat.user().id(), "demo");
        chat.send("I want to talk to a human");
        assertThat(repliesTelegram.calls("createForumTopic")).isEmpty();
        chat.send("Is anyone there?");
        Call copy = copiesTo(repliesTelegram, REPLIES_GROUP).get(0);
        assertThat(copy.body().has("message_thread_id")).isFalse();
        int copyId = repliesTelegram.messagesTo(REPLIES_GROUP).stream().filter(m -> m.has("copy_of"))
                .findFirst().orElseThrow().path("message_id").asInt();

        // WHEN an agent replies to the copy, and someone writes in the group without replying to a ticket
        agentSays(repliesTelegram, REPLIES_GROUP, null, copyId, "Yes, how can I help?");
        agentSays(repliesTelegram, REPLIES_GROUP, null, null, "coffee anyone?");

        // THEN only the reply reaches the user
        assertThat(copiesTo(repliesTelegram, chat.user().id())).hasSize(1);

        // WHEN the user ends the ticket with /cancel
        int cancelled = chat.mark();
        chat.send("/cancel");

        // THEN staff are told, the user is back in the menu, and later messages are the bot's again
        repliesTelegram.awaitCall(c -> c.chatId() == REPLIES_GROUP && c.text() != null && c.text().contains("ended ticket"), ASYNC);
        assertThat(chat.visibleSince(cancelled)).extracting(Call::text).anyMatch(t -> t.contains("has ended"));
        chat.send("hello");
        assertThat(copiesTo(repliesTelegram, REPLIES_GROUP)).hasSize(1);
    }

    @Test
    void agentCommandsFromAnotherGroupAreIgnored() {
        // GIVEN an open ticket in the topics group
        ChatDriver chat = new ChatDriver(topicsTelegram, TestUser.english(950_003, "Wes"));
        new SandboxDriver(topicsBot.baseUrl()).reset(chat.user().id(), "demo");
        chat.send("/support");
        int topicId = staffPosts(topicsTelegram, TOPICS_GROUP).stream()
                .filter(c -> c.text().contains("950003")).findFirst().orElseThrow().body().path("message_thread_id").asInt();

        // WHEN someone in another group imitates an agent in a topic with the same id
        int mark = chat.mark();
        agentSays(topicsTelegram, -100_999_999_999L, topicId, null, "/close");
        agentSays(topicsTelegram, -100_999_999_999L, topicId, null, "send me your card number");

        // THEN nothing reaches the user and the ticket stays open
        assertThat(chat.visibleSince(mark)).isEmpty();
        assertThat(copiesTo(topicsTelegram, chat.user().id())).isEmpty();
        chat.send("still there?");
        assertThat(copiesTo(topicsTelegram, TOPICS_GROUP).stream()
                .filter(c -> c.body().path("from_chat_id").asLong() == chat.user().id())).hasSize(1);
    }

    private static RunningBot startBot(FakeBotApi telegram, long staffGroup, String prefix) {
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix(prefix));
        settings.put("support.chat-id", Long.toString(staffGroup));
        return RunningBot.start(settings, null);
    }

    private static void agentSays(FakeBotApi telegram, long group, Integer topicId, Integer replyTo, String text) {
        long id = telegram.nextUpdateId();
        telegram.enqueue(TelegramUpdates.staffMessage(id, AGENT, group, topicId, replyTo, text));
        telegram.awaitConfirmed(id, ASYNC);
    }

    private static List<Call> staffPosts(FakeBotApi telegram, long group) {
        return telegram.calls("sendMessage").stream().filter(c -> c.chatId() == group).toList();
    }

    private static List<Call> copiesTo(FakeBotApi telegram, long chatId) {
        return telegram.calls("copyMessage").stream().filter(c -> c.chatId() == chatId).toList();
    }
}
