package dev.esimbot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.announce.AdminHttp;
import dev.esimbot.announce.Audience;
import dev.esimbot.i18n.Language;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.DistributedRedis;
import dev.esimbot.testkit.PaymentStack;
import dev.esimbot.testkit.RedisProcess;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the bot must do on a distributed Redis, run by one test class per topology against real servers it starts
 * itself: the journey to a receipt, the update queue shared by two instances, an announcement's fan-out, and the
 * master killed (SIGKILL) in the middle of a conversation and of a fan-out. Each failover prints what it cost users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the servers and the applications start once per class
abstract class DistributedRedisScenarios {

    static final String UNAVAILABLE = "temporarily unavailable";
    private static final Duration FAILOVER = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    @Order(1)
    final DistributedRedis redis;

    /** The journey's stack: billing, and a bot on the topology under test. */
    @RegisterExtension
    @Order(2)
    final PaymentStack stack;

    @RegisterExtension
    @Order(3)
    final TwoWebhookBots pair;

    /** A user id range per topology, so the classes never share a chat should they share a billing. */
    private final long users;

    DistributedRedisScenarios(DistributedRedis redis, long users) {
        this.redis = redis;
        this.stack = new PaymentStack(1, redis.settings());
        this.pair = new TwoWebhookBots(redis::settings);
        this.users = users;
    }

    @Test
    void aUserRenewsPaysAndGetsOneReceipt() {
        // GIVEN a user, on the topology under test
        ChatDriver chat = stack.chat(TestUser.english(users + 1, "Lee"));
        // WHEN they renew and pay
        chat.orderInEnglish("Peru 7-Day", "Peru Weekly 3 GB");
        stack.pay(chat.lastUrlButton());
        // THEN billing has one order and the chat one receipt
        stack.assertOneOrderAndOneReceipt(chat.user().id());
    }

    @Test
    void theMasterKilledMidConversationCostsSecondsAndNoOrderOrReceipt() {
        // GIVEN a user at the plan summary
        ChatDriver chat = stack.chat(TestUser.english(users + 2, "Mia"));
        long user = chat.user().id();
        chat.toSummary("Peru 7-Day", ChatDriver.RENEW, "Peru Weekly 3 GB");
        ObjectNode confirm = chat.press(ChatDriver.CONFIRM);
        int mark = chat.mark();
        // WHEN the master holding the chat's keys is killed, and the user taps Confirm right after
        Instant killedAt = Instant.now();
        RedisProcess killed = redis.killMasterOf("{" + user + "}");
        stack.telegram(0).enqueue(confirm);
        // THEN the bot answers with the checkout link once a replica took over; meanwhile at most one "unavailable"
        Waits.until("the checkout link after the failover", FAILOVER, () -> answer(chat, mark) != null);
        Outage outage = Outage.of(killedAt, chat.visibleSince(mark), answer(chat, mark));
        System.out.printf("[failover] %s, master killed mid-conversation: %s%n", redis.description(), outage);
        assertThat(outage.unavailableMessages()).as("'unavailable' answers to the one tap").isLessThanOrEqualTo(1);
        // AND paying gives one order and one receipt, nothing lost and nothing twice
        stack.pay(chat.lastUrlButton());
        stack.assertOneOrderAndOneReceipt(user);
        redis.rejoin(killed);
    }

    @Test
    void twoInstancesShareTheUpdateQueueAndAnswerEachUpdateOnce() {
        // GIVEN two instances behind a load balancer; WHEN 20 users each send /help, delivered to one instance
        // and delivered again (as Telegram retries) to the other
        Waits.pause(Duration.ofSeconds(3)); // a heartbeat or two, so the partitions are shared out
        long first = users + 100;
        for (long id = first; id < first + 20; id++) {
            String update = TelegramUpdates.command(pair.telegram().nextUpdateId(), TestUser.english(id, "U"), "/help", null)
                    .toString();
            int instance = (int) (id % 2);
            assertThat(pair.post(instance, update)).isEqualTo(200);
            assertThat(pair.post(1 - instance, update)).isEqualTo(200);
        }
        // THEN each user gets the help once, and both instances handled some of the updates
        Waits.until("every /help answered", Duration.ofSeconds(30), () -> LongStream.range(first, first + 20)
                .allMatch(id -> !pair.telegram().messagesTo(id).isEmpty()));
        Waits.pause(Duration.ofSeconds(1));
        LongStream.range(first, first + 20).forEach(id -> assertThat(pair.telegram().messagesTo(id)).as("chat %d", id)
                .singleElement().satisfies(m -> assertThat(m.path("text").asText()).contains("Help")));
        assertThat(pair.handledBy(0)).as("handled by the first instance").isPositive();
        assertThat(pair.handledBy(1)).as("handled by the second instance").isPositive();
    }

    @Test
    void theMasterKilledMidFanOutSendsEachUserTheAnnouncementOnce() {
        // GIVEN 90 users (besides any an earlier test made) and an announcement fanning out to all, sent by both
        // instances' senders (30 a second)
        long first = users + 1_000;
        long[] chats = LongStream.range(first, first + 90).toArray();
        Audience audience = pair.bot(0).bean(Audience.class);
        LongStream.of(chats).forEach(chat -> audience.seen(chat, Language.EN));
        AdminHttp admin = new AdminHttp(pair.bot(0).baseUrl());
        long id = admin.start("{\"text\":{\"en\":\"Failover drill\",\"zh\":\"演练\"},\"audience\":\"all\"}");
        Waits.until("a third sent", Duration.ofSeconds(30), () -> reached(chats) >= 30);
        // WHEN the master holding the notice queue is killed half way
        long killedAt = System.nanoTime();
        RedisProcess killed = redis.killMasterOf("{notices}");
        int sentBefore = reached(chats);
        // THEN the fan-out finishes after the promotion: every user has the announcement exactly once
        Waits.until("the announcement done", FAILOVER, () -> "done".equals(progress(admin, id).path("state").asText()));
        long doneMs = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
        System.out.printf("[failover] %s, master killed mid-fan-out at %d of 90 sent: done %d ms later%n", redis.description(),
                sentBefore, doneMs);
        Waits.pause(Duration.ofSeconds(1));
        LongStream.of(chats).forEach(chat -> assertThat(pair.telegram().messagesTo(chat)).as("chat %d", chat)
                .singleElement().satisfies(m -> assertThat(m.path("text").asText()).isEqualTo("Failover drill")));
        JsonNode progress = progress(admin, id);
        assertThat(progress.path("sent").asLong()).isEqualTo(progress.path("queued").asLong()).isGreaterThanOrEqualTo(90);
        assertThat(progress.path("failed").asLong()).isZero();
        assertThat(progress.path("left").asLong()).isZero();
        redis.rejoin(killed);
        // AND the health endpoint reads Redis as up again (on a Cluster, with the killed node still in Jedis' list)
        Waits.until("redis healthy again", Duration.ofSeconds(10), () -> health(pair.bot(0)).contains("\"status\":\"UP\""));
    }

    private static String health(RunningBot bot) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private int reached(long[] chats) {
        return (int) LongStream.of(chats).filter(chat -> !pair.telegram().messagesTo(chat).isEmpty()).count();
    }

    private static JsonNode progress(AdminHttp admin, long id) {
        try {
            return admin.progress(id);
        } catch (RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance(); // Redis failing over: ask again
        }
    }

    /** The message with the checkout link, once sent. */
    private static Call answer(ChatDriver chat, int mark) {
        return chat.visibleSince(mark).stream().filter(call -> call.body().toString().contains("/sandbox/checkout/"))
                .findFirst().orElse(null);
    }
}
