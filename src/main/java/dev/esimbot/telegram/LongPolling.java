package dev.esimbot.telegram;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * getUpdates long polling through TelegramBots. The library confirms an offset with the next getUpdates call, which
 * it makes only after {@link #consume} returns; consume handles the whole batch before returning, so a crash means
 * Telegram sends the batch again. The library's poller thread is ours (a daemon) and is shut down on stop.
 */
@Conditional(TelegramMode.BotApi.class)
@Component
class LongPolling implements SmartLifecycle, LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 20;
    private static final List<String> ALLOWED = List.of("message", "edited_message", "callback_query", "my_chat_member");

    private final TelegramProperties properties;
    private final OkHttpClient http;
    private final UpdatePipeline pipeline;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService poller;
    private TelegramBotsLongPollingApplication application;

    LongPolling(TelegramProperties properties, @Qualifier("polling") OkHttpClient pollingHttp, UpdatePipeline pipeline) {
        this.properties = properties;
        this.http = pollingHttp;
        this.pipeline = pipeline;
    }

    @Override
    public void consume(List<Update> updates) {
        if (!running.get()) {
            return; // stopping: not handled, so not confirmed; Telegram delivers them again after the restart
        }
        try {
            pipeline.handle(updates);
        } catch (Throwable t) {
            // An exception here would end the library's polling task for good.
            log.error("batch of {} updates failed", updates.size(), t);
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(UpdatePipeline.named("telegram-poller-"));
        application = new TelegramBotsLongPollingApplication(com.fasterxml.jackson.databind.ObjectMapper::new, () -> http, () -> poller);
        running.set(true);
        try {
            application.registerBot(properties.botToken(), properties::telegramUrl, this::getUpdates, this);
            log.info("long polling started against {}", properties.telegramUrl().getHost());
        } catch (TelegramApiException e) {
            running.set(false);
            throw new IllegalStateException("could not start long polling: " + e.getMessage(), e);
        }
    }

    private GetUpdates getUpdates(Integer lastReceived) {
        return GetUpdates.builder().offset(lastReceived + 1).limit(100).timeout(properties.pollTimeoutSeconds())
                .allowedUpdates(ALLOWED).build();
    }

    /** Stops asking for updates, lets the batch in hand finish (so it is confirmed on the next start), then closes. */
    @Override
    public void stop() {
        running.set(false);
        try {
            application.close();
        } catch (Exception e) {
            log.warn("closing long polling: {}", e.toString());
        }
        http.dispatcher().cancelAll(); // ends the waiting getUpdates; what it would have returned is not confirmed
        poller.shutdown();
        try {
            if (!poller.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
