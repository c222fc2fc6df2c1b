package dev.esimbot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.DefaultLongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The library's long-polling application against the fake: delivery, confirmation by offset, redelivery. */
class FakeBotApiLongPollingTest {

    private static final String TOKEN = "123:TEST";
    private static final TestUser LI = TestUser.chinese(1001, "李雷");
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final FakeBotApi api = new FakeBotApi().longPollCap(Duration.ofMillis(500)).start();
    private final List<TelegramBotsLongPollingApplication> apps = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopEverything() throws Exception {
        release.countDown();
        stopApps();
        api.close();
    }

    @Test
    void enqueuedUpdatesReachTheConsumerAndAreConfirmedByTheNextPoll() throws TelegramApiException {
        List<Update> received = new CopyOnWriteArrayList<>();
        startApp(received::addAll);
        long text = enqueue(TelegramUpdates.text(api.nextUpdateId(), LI, "你好"));
        long press = enqueue(TelegramUpdates.callback(api.nextUpdateId(), LI, 1, "renew"));

        await().atMost(PATIENCE).until(() -> received.size() == 2);

        assertThat(received).extracting(Update::getUpdateId).containsExactly((int) text, (int) press);
        assertThat(received.get(1).getCallbackQuery().getData()).isEqualTo("renew");
        api.awaitConfirmed(press, PATIENCE);
        assertThat(api.unconfirmedCount()).isZero();
        assertThat(api.calls("deleteWebhook")).hasSize(1);
    }

    @Test
    void updatesNeverConfirmedAreRedeliveredToANewInstance() throws Exception {
        CountDownLatch delivered = new CountDownLatch(1);
        startApp(updates -> {
            delivered.countDown();
            awaitRelease(); // the instance dies mid-update, before its next poll could confirm it
        });
        long id = enqueue(TelegramUpdates.text(api.nextUpdateId(), LI, "续费"));
        assertThat(delivered.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        stopApps();
        List<Update> redelivered = new CopyOnWriteArrayList<>();

        startApp(redelivered::addAll);

        await().atMost(PATIENCE).until(() -> !redelivered.isEmpty());
        assertThat(redelivered).extracting(Update::getUpdateId).containsExactly((int) id);
        assertThat(redelivered.get(0).getMessage().getText()).isEqualTo("续费");
    }

    /** With the library's own consumer an update is confirmed while still being handled: a crash then loses it. */
    @Test
    void defaultConsumerConfirmsUpdatesBeforeHandlingThem() throws Exception {
        CountDownLatch handled = new CountDownLatch(1);
        startApp(new DefaultLongPollingUpdateConsumer() {
            @Override
            public void consume(Update update) {
                awaitRelease();
                handled.countDown();
            }
        });
        long id = enqueue(TelegramUpdates.text(api.nextUpdateId(), LI, "hi"));

        api.awaitConfirmed(id, PATIENCE);

        assertThat(handled.getCount()).as("handling finished").isOne();
    }

    /** TelegramBots 10.2.0: a RuntimeException from consume() ends the polling task; isRunning() still says true. */
    @Test
    void consumerExceptionSilentlyStopsPolling() throws Exception {
        CountDownLatch thrown = new CountDownLatch(1);
        BotSession session = startApp(updates -> {
            thrown.countDown();
            throw new IllegalStateException("bug in the bot");
        });
        enqueue(TelegramUpdates.text(api.nextUpdateId(), LI, "hi"));
        assertThat(thrown.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        int polls = api.calls("getUpdates").size();

        enqueue(TelegramUpdates.text(api.nextUpdateId(), LI, "anyone there?"));

        await().during(Duration.ofMillis(700)).atMost(PATIENCE).until(() -> api.calls("getUpdates").size() == polls);
        assertThat(api.unconfirmedCount()).isEqualTo(2);
        assertThat(session.isRunning()).isTrue();
    }

    private BotSession startApp(LongPollingUpdateConsumer consumer) throws TelegramApiException {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        executors.add(executor);
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> executor);
        apps.add(app);
        return app.registerBot(TOKEN, api::telegramUrl, new DefaultGetUpdatesGenerator(), consumer);
    }

    /** Apps first, then their executors: app.close() leaves the non-daemon poller threads running. */
    private void stopApps() throws Exception {
        for (TelegramBotsLongPollingApplication app : apps) {
            app.close();
        }
        executors.forEach(ExecutorService::shutdownNow);
        apps.clear();
        executors.clear();
    }

    private long enqueue(ObjectNode update) {
        api.enqueue(update);
        return update.path("update_id").asLong();
    }

    /** Blocks a consumer until the test ends (or its thread is interrupted) without leaking the thread. */
    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
