package dev.esimbot.notices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.announce.Audience;
import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.Esim;
import dev.esimbot.conversation.EsimCovered;
import dev.esimbot.i18n.Language;
import dev.esimbot.sandbox.SandboxBulk;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.SandboxDriver;
import dev.esimbot.testkit.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The expiry scan against the real app: sandbox billing over HTTP (two eSIMs a page, so every scan pages), real Redis,
 * the senders off so what the scan queued stays in the queue to be looked at.
 */
class ExpiryScanTest {

    private static final Instant MORNING = MutableClock.SCENARIO_TIME; // 10:00 UTC
    private static final Instant NIGHT = Instant.parse("2026-11-22T23:00:00Z");
    private static final String PREFIX = TestRedis.uniquePrefix("expiry-scan");

    private static FakeBotApi telegram;
    private static MutableClock clock;
    private static RunningBot bot;
    private static SandboxDriver sandbox;
    private static UnifiedJedis redis;
    private static RedisKeys keys;
    private static long nextCustomer = 981_000;

    @BeforeAll
    static void start() {
        telegram = new FakeBotApi().start();
        clock = new MutableClock(MORNING);
        Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), PREFIX);
        settings.put("notices.enabled", "false");
        settings.put("notices.scan-page", "2");
        settings.put("notices.quiet-hours", "22:00-08:00");
        settings.put("notices.release-every", "1h");
        bot = RunningBot.start(settings, clock);
        sandbox = new SandboxDriver(bot.baseUrl());
        redis = TestRedis.client();
        keys = new RedisKeys(PREFIX);
    }

    @AfterAll
    static void stop() {
        redis.close();
        bot.close();
        telegram.close();
    }

    @BeforeEach
    void morning() {
        clock.reset(MORNING);
    }

    @Test
    void aScanPagesThroughBillingAndQueuesEachNoticeOnceHoweverOftenItRuns() {
        // GIVEN five bot users with the demo eSIMs (Peru ends in 2 days 5 hours with 300 MB of 3 GB left)
        List<Long> users = users(5, Language.EN);

        // WHEN the scan runs twice
        ScanReport first = scan().run();
        ScanReport second = scan().run();

        // THEN each has exactly one notice, "ends within 3 days" (the low-data one is left to it), queued by the first
        for (long user : users) {
            assertThat(queuedFor(user)).as("notices queued for %s", user).hasSize(1);
            assertThat(queue().state(noticeId(user, "expires-3d"))).contains(NoticeState.QUEUED);
        }
        assertThat(first.seen()).as("eSIMs read, two a page").isGreaterThanOrEqualTo(5);
        assertThat(first.queued()).isGreaterThanOrEqualTo(5);
        assertThat(second.queued()).as("the second scan queues nothing").isZero();
        assertThat(second.repeats()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void twoScansRunningAtOnceOnOneRedisQueueEachNoticeOnce() throws Exception {
        List<Long> users = users(12, Language.ZH);
        long before = queue().size();
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<ScanReport> one = CompletableFuture.supplyAsync(() -> awaitThenScan(go));
        CompletableFuture<ScanReport> two = CompletableFuture.supplyAsync(() -> awaitThenScan(go));
        go.countDown();
        long queuedByBoth = one.get().queued() + two.get().queued();

        for (long user : users) {
            assertThat(queuedFor(user)).as("notices queued for %s", user).hasSize(1);
        }
        assertThat(queuedByBoth).as("queued by the two scans together")
                .isEqualTo(queue().size() - before);
    }

    @Test
    void anEsimLowOnDataWithDaysLeftGetsTheLowDataNotice() {
        long user = users(1, Language.EN).get(0);
        Esim low = SandboxBulk.add(bot, user, "Peru 30-Day 10 GB", 900, 10240, MORNING.plus(Duration.ofDays(12)));

        scan().run();

        String id = "exp-" + EsimKeys.of(low.iccid()) + "-" + low.validUntil().getEpochSecond() + "-low-data";
        assertThat(queue().state(id)).contains(NoticeState.QUEUED);
        assertThat(queuedFor(user)).extracting(e -> e.getFields().get("text"))
                .anySatisfy(text -> assertThat(text).contains("running low on data").contains("900 MB of 10 GB"));
    }

    @Test
    void aUserWhoTurnedNoticesOffGetsNoneUntilTheyTurnThemOnAgain() {
        long user = users(1, Language.EN).get(0);
        bot.bean(Suppressions.class).enable(user, false);

        scan().run();
        assertThat(queuedFor(user)).isEmpty();

        bot.bean(Suppressions.class).enable(user, true);
        scan().run();
        assertThat(queuedFor(user)).hasSize(1);
    }

    @Test
    void duringQuietHoursANoticeIsHeldUntilMorningThenReleasedOnce() {
        clock.reset(NIGHT);
        long user = users(1, Language.EN).get(0);

        scan().run();
        assertThat(queue().state(noticeId(user, "expires-3d"))).contains(NoticeState.HELD);
        assertThat(queuedFor(user)).as("nothing goes at night").isEmpty();

        clock.advance(Duration.ofHours(2));
        scan().releaseHeld();
        scan().run();
        assertThat(queuedFor(user)).as("still night, and a later scan holds nothing twice").isEmpty();

        clock.reset(Instant.parse("2026-11-23T08:01:00Z"));
        scan().releaseHeld();
        scan().releaseHeld();
        assertThat(queuedFor(user)).as("released once in the morning").hasSize(1);
        assertThat(queue().state(noticeId(user, "expires-3d"))).contains(NoticeState.QUEUED);
    }

    @Test
    void aRenewalWhileTheNoticeIsHeldDropsIt() {
        clock.reset(NIGHT);
        long user = users(1, Language.EN).get(0);
        scan().run();

        bot.events().publishEvent(new EsimCovered(user, peru(user).iccid()));
        clock.reset(Instant.parse("2026-11-23T08:01:00Z"));
        scan().releaseHeld();

        assertThat(queue().state(noticeId(user, "expires-3d"))).contains(NoticeState.SKIPPED);
        assertThat(queuedFor(user)).isEmpty();
    }

    @Test
    void autoRenewingEsimsAndCustomersWhoNeverStartedTheBotGetNoNotice() {
        long stranger = nextCustomer++;
        sandbox.reset(stranger, "demo"); // a customer, but not a bot user
        long user = users(1, Language.EN).get(0);
        bot.bean(BillingClient.class).setAutoRenew(user, peru(user).iccid(), true);

        scan().run();

        assertThat(queuedFor(stranger)).isEmpty();
        assertThat(queuedFor(user)).isEmpty();
    }

    private static ScanReport awaitThenScan(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return scan().run();
    }

    /** New bot users (in the audience, as after their /start) with freshly seeded demo eSIMs, as of the clock. */
    private static List<Long> users(int count, Language language) {
        List<Long> users = new ArrayList<>();
        LongStream.range(0, count).forEach(i -> {
            long user = nextCustomer++;
            sandbox.reset(user, "demo");
            bot.bean(Audience.class).seen(user, language);
            users.add(user);
        });
        return users;
    }

    private static Esim peru(long user) {
        return bot.bean(BillingClient.class).esims(user).stream().filter(e -> e.planName().startsWith("Peru"))
                .findFirst().orElseThrow();
    }

    private static String noticeId(long user, String kind) {
        Esim esim = peru(user);
        return "exp-" + EsimKeys.of(esim.iccid()) + "-" + esim.validUntil().getEpochSecond() + "-" + kind;
    }

    private static List<StreamEntry> queuedFor(long user) {
        return redis.xrange(keys.noticeQueue(), "-", "+").stream()
                .filter(e -> Long.toString(user).equals(e.getFields().get("chat"))).toList();
    }

    private static ExpiryScan scan() {
        return bot.bean(ExpiryScan.class);
    }

    private static NoticeQueue queue() {
        return bot.bean(NoticeQueue.class);
    }

}
