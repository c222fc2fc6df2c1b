package dev.esimbot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.BotRedis;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * 10,000 fuzzed updates ({@link FuzzInputs}) from 100 users through the real pipeline (long polling against the fake
 * Bot API, real Redis, the billing sandbox over HTTP), in rounds of one update per user. After each round every
 * private input has been answered; at the end no exception escaped, nothing was sent to a group or channel, and every
 * session still reads and answers /start. The seed is printed; rerun one with {@code -Dfuzz.seed=<seed>}.
 */
class FuzzedInputsTest {

    private static final int USERS = 100;
    private static final int ROUNDS = 100;
    private static final List<String> VISIBLE = List.of("sendMessage", "editMessageText");
    private static final Set<String> STATES = Set.of("MENU", "LINK_ICCID", "LINK_CODE", "STATUS", "CHOOSING_PLAN",
            "CONFIRMING_ORDER", "AWAITING_PAYMENT", "CONFIRMED", "PAYMENT_FAILED", "RENEWAL_PENDING", "SUPPORT_TICKET",
            "RATING");

    @Test
    void tenThousandFuzzedUpdatesAreAllSurvivedAndEveryPrivateMessageIsAnswered() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzedInputsTest seed=" + seed + " (rerun: -Dfuzz.seed=" + seed + ")");
        String prefix = TestRedis.uniquePrefix("fuzz");
        ListAppender<ILoggingEvent> errors = errorCapture();
        try (FakeBotApi telegram = new FakeBotApi().start()) {
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), prefix);
            settings.put("limits.messages-per-minute", "100000");
            try (RunningBot bot = RunningBot.start(settings, null)) {
                FuzzInputs inputs = new FuzzInputs(new Random(seed), telegram);
                List<TestUser> users = users();
                for (int round = 0; round < ROUNDS; round++) {
                    playRound(telegram, inputs::next, users, "seed " + seed + ", round " + round);
                }
                assertThat(telegram.calls()).as("bot calls to groups or channels (seed %d)", seed)
                        .filteredOn(call -> VISIBLE.contains(call.method()) && call.chatId() < 0).isEmpty();
                assertThat(errors.list).as("ERROR log lines (seed %d)", seed).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
                assertThat(bot.bean(MeterRegistry.class).timer("bot.updates", "outcome", "failed").count()).isZero();
                assertSessionsReadable(new BotRedis(prefix), users, seed);
                playRound(telegram, user -> new FuzzInputs.Input(
                        TelegramUpdates.command(telegram.nextUpdateId(), user, "/start", null), true), users, "final /start");
            }
        } finally {
            root().detachAppender(errors);
        }
    }

    /** One update per user; every update that needs an answer got at least one message or edit. */
    private static void playRound(FakeBotApi telegram, Function<TestUser, FuzzInputs.Input> inputs, List<TestUser> users,
                                  String round) {
        int mark = telegram.calls().size();
        Set<Long> expected = new HashSet<>();
        long last = 0;
        for (TestUser user : users) {
            FuzzInputs.Input input = inputs.apply(user);
            if (input.answered()) {
                expected.add(user.id());
            }
            last = input.update().get("update_id").asLong();
            telegram.enqueue(input.update());
        }
        telegram.awaitConfirmed(last, Duration.ofSeconds(60));
        List<Call> calls = telegram.calls();
        Set<Long> answered = calls.subList(mark, calls.size()).stream().filter(c -> VISIBLE.contains(c.method()))
                .map(Call::chatId).collect(Collectors.toSet());
        Set<Long> unanswered = new HashSet<>(expected);
        unanswered.removeAll(answered);
        assertThat(unanswered).as("users left without an answer (%s)", round).isEmpty();
    }

    private static void assertSessionsReadable(BotRedis redis, List<TestUser> users, long seed) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (TestUser user : users) {
            String stored = redis.session(user.id());
            if (stored == null) {
                continue; // only silent updates so far
            }
            JsonNode session = json.readTree(stored);
            assertThat(STATES).as("state of %d (seed %d): %s", user.id(), seed, stored).contains(session.path("s").asText());
        }
    }

    private static List<TestUser> users() {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(i % 2 == 0 ? TestUser.english(960_000 + i, "Fuzz" + i) : TestUser.chinese(960_000 + i, "模糊" + i));
        }
        return users;
    }

    private static ListAppender<ILoggingEvent> errorCapture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                    super.append(event);
                }
            }
        };
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
