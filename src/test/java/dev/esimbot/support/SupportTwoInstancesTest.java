package dev.esimbot.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import dev.esimbot.session.RedisKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.UnifiedJedis;

/**
 * Two instances of the bot on one Redis key prefix, each polling a Telegram of its own, get the same update, as when
 * Telegram delivers an update again to another instance or two pollers overlap during a redeploy. Whichever side
 * of a ticket it comes from, it is relayed once.
 */
class SupportTwoInstancesTest {

    private static final long STAFF = -100_100_000_009L;
    private static final TestUser AGENT = TestUser.english(555_000_009, "Ada");
    private static final Duration ASYNC = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(1);

    private static FakeBotApi first;
    private static FakeBotApi second;
    private static RunningBot firstBot;
    private static RunningBot secondBot;

    @BeforeAll
    static void start() {
        first = new FakeBotApi().staffGroup(STAFF, true).start();
        second = new FakeBotApi().staffGroup(STAFF, true).start();
        String prefix = TestRedis.uniquePrefix("support-two");
        firstBot = startBot(first, prefix);
        secondBot = startBot(second, prefix);
    }

    @AfterAll
    static void stop() {
        Stream.of(firstBot, secondBot).forEach(RunningBot::close);
        Stream.of(first, second).forEach(FakeBotApi::close);
    }

    @Test
    void theSameUpdateOnTwoInstancesIsRelayedOnceEachWay() {
        // GIVEN a user with a ticket in a topic, opened through the first instance
        ChatDriver chat = new ChatDriver(first, TestUser.english(950_901, "Ida"));
        new SandboxDriver(firstBot.baseUrl()).reset(chat.user().id(), "demo");
        chat.send("/support");
        first.awaitCall("createForumTopic", ASYNC);
        int topic = first.calls("sendMessage").stream().filter(c -> c.chatId() == STAFF).findFirst().orElseThrow()
                .body().path("message_thread_id").asInt();

        // WHEN the same message of the user reaches both instances
        deliverToBoth(TelegramUpdates.text(first.nextUpdateId(), chat.user(), "My data does not work"));

        // THEN exactly one copy is in the topic
        Waits.pause(QUIET);
        assertThat(copiesTo(STAFF)).hasSize(1)
                .allSatisfy(c -> assertThat(c.body().path("message_thread_id").asInt()).isEqualTo(topic));

        // WHEN the same answer of an agent reaches both instances
        deliverToBoth(TelegramUpdates.staffMessage(first.nextUpdateId(), AGENT, STAFF, topic, null, "Restart please"));

        // THEN the user gets exactly one copy
        Waits.pause(QUIET);
        assertThat(copiesTo(chat.user().id())).hasSize(1);
    }

    @Test
    void anAgentsMessageClaimedByAnInstanceThatDiedIsRelayedOnceTheClaimLapses() {
        // GIVEN a user with a ticket, and an agent's answer claimed by an instance that died before relaying it
        ChatDriver chat = new ChatDriver(first, TestUser.english(950_902, "Ines"));
        new SandboxDriver(firstBot.baseUrl()).reset(chat.user().id(), "demo");
        chat.send("/support");
        int topic = first.awaitCall(c -> c.method().equals("sendMessage") && c.chatId() == STAFF && c.text() != null
                && c.text().contains("Ines"), ASYNC).body().path("message_thread_id").asInt();
        ObjectNode answer = TelegramUpdates.staffMessage(first.nextUpdateId(), AGENT, STAFF, topic, null, "Try again now");
        int messageId = answer.path("message").path("message_id").asInt();
        String claim = firstBot.bean(RedisKeys.class).staffMessageHandled(messageId);
        firstBot.bean(UnifiedJedis.class).set(claim, "claimed", SetParams.setParams().px(2_000));

        // WHEN Telegram's update with that answer is handled again
        first.enqueue(answer);

        // THEN it is kept while the claim runs, and relayed once when it lapsed: never skipped as done
        Waits.until("the answer relayed", ASYNC, () -> !copiesTo(chat.user().id()).isEmpty());
        Waits.pause(QUIET);
        assertThat(copiesTo(chat.user().id())).hasSize(1);
    }

    private static void deliverToBoth(ObjectNode update) {
        long id = update.get("update_id").asLong();
        first.enqueue(update);
        second.enqueue(update.deepCopy());
        first.awaitConfirmed(id, ASYNC);
        second.awaitConfirmed(id, ASYNC);
    }

    private static List<Call> copiesTo(long chatId) {
        return Stream.of(first, second).flatMap(t -> t.calls("copyMessage").stream())
                .filter(c -> c.chatId() == chatId).toList();
    }

    private static RunningBot startBot(FakeBotApi telegram, String prefix) {
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
        settings.put("support.chat-id", Long.toString(STAFF));
        return RunningBot.start(settings, null);
    }
}
