package dev.esimbot.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;

/**
 * getUpdates long polling through TelegramBots (on a poller thread of ours). Telegram forgets an update once a
 * getUpdates offset passes it; we build that offset ourselves, so it passes only updates stored in the update queue.
 * While Redis cannot store them, updates are held here, each user told once that the bot is unavailable (and
 * nothing else done with them, so a chat's updates are still handled in order), and the offset stays at the oldest
 * one held: a crash then loses nothing, since Telegram sends them again. A stored batch waits (bounded) to be
 * handled, its chats in parallel, and polling pauses while the queue is over its bound.
 */
@Conditional(TelegramMode.Polling.class)
@Component
class LongPolling implements SmartLifecycle, LongPollingUpdateConsumer {

    static final List<String> ALLOWED = List.of("message", "edited_message", "callback_query", "my_chat_member",
            "pre_checkout_query");

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    private static final long HELD_RETRY_MILLIS = 1_000;

    private final TelegramProperties properties;
    private final UpdatesProperties updates;
    private final OkHttpClient http;
    private final UpdatePipeline pipeline;
    private final UpdateQueue queue;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Updates received but not stored yet (Redis failed), by update id; only the poller thread touches it. */
    private final TreeMap<Integer, Update> held = new TreeMap<>();
    private ScheduledExecutorService poller;
    private TelegramBotsLongPollingApplication application;

    LongPolling(TelegramProperties properties, UpdatesProperties updates, @Qualifier("polling") OkHttpClient pollingHttp,
                UpdatePipeline pipeline, UpdateQueue queue) {
        this.properties = properties;
        this.updates = updates;
        this.http = pollingHttp;
        this.pipeline = pipeline;
        this.queue = queue;
    }

    @Override
    public void consume(List<Update> batch) {
        List<Update> fresh = new ArrayList<>(batch);
        fresh.sort(Comparator.comparing(Update::getUpdateId));
        // Held before anything else: the library has already moved its offset past the batch, and only what is held
        // keeps the next getUpdates (should one still go out while stopping) from confirming it.
        fresh.forEach(update -> held.put(update.getUpdateId(), update));
        if (!running.get()) {
            return; // stopping: not stored, so never confirmed; Telegram delivers them again after the restart
        }
        try {
            Map<Integer, List<StreamEntryID>> stored = new HashMap<>();
            if (!storeHeld(stored)) {
                tellUnavailable(fresh);
                return;
            }
            if (!queue.awaitHandled(stored)) {
                log.debug("batch of {} stored but not all handled within {}", batch.size(), updates.awaitHandled());
            }
            while (running.get() && !queue.accepting()) {
                Thread.sleep(50); // backpressure: the queue is over UPDATES_MAX_BACKLOG; Telegram keeps the rest
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            // An exception here would end the library's polling task for good.
            log.error("batch of {} updates failed", batch.size(), t);
        }
    }

    /**
     * Stores what is held, oldest first, in one round trip, noting per partition the entries stored; false when Redis
     * failed (then all stay held: those stored meanwhile are stored again, and handled once by update_id).
     */
    private boolean storeHeld(Map<Integer, List<StreamEntryID>> stored) {
        if (held.isEmpty()) {
            return true;
        }
        try {
            stored.putAll(queue.store(new ArrayList<>(held.values())));
        } catch (JedisException e) {
            log.warn("{} updates held: Redis failed ({}); Telegram keeps them until they are stored", held.size(),
                    e.getClass().getSimpleName());
            return false;
        }
        held.clear();
        return true;
    }

    /** Each user is told the bot is temporarily unavailable, once per update; the updates stay held. */
    private void tellUnavailable(List<Update> fresh) {
        pipeline.tellUnavailable(fresh);
    }

    private GetUpdates getUpdates(Integer lastReceived) {
        if (!held.isEmpty()) {
            try {
                Thread.sleep(HELD_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            storeHeld(new HashMap<>());
        }
        int offset = held.isEmpty() ? lastReceived + 1 : held.firstKey();
        return GetUpdates.builder().offset(offset).limit(100).timeout(properties.pollTimeoutSeconds())
                .allowedUpdates(ALLOWED).build();
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

    /** Stops asking for updates (what was stored is handled by the queue; what was not, Telegram sends again). */
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
            if (!poller.awaitTermination(updates.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
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
