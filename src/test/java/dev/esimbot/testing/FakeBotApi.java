package dev.esimbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local fake of the Telegram Bot API HTTP server: {@code POST /bot<token>/<method>} with real Bot API JSON, a
 * getUpdates queue with offset confirmation and long polling, a record of every call, what each chat shows,
 * injected failures, and (opt-in) Telegram's rate limits and users who blocked the bot. Thread-safe. Use with try-with-resources: {@code try (var api = new FakeBotApi().start())}.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final Duration DEFAULT_LONG_POLL_CAP = Duration.ofSeconds(2);

    private final UpdateQueue updates = new UpdateQueue(DEFAULT_LONG_POLL_CAP);
    private final CallLog calls = new CallLog();
    private final Faults faults = new Faults();
    private final TelegramLimits limits = new TelegramLimits();
    private final ChatView chats;
    private final StaffMethods staff;
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    private HttpServer server;

    public FakeBotApi() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates the messages the bot sends; call times are always wall-clock. */
    public FakeBotApi(Clock clock) {
        this.chats = new ChatView(clock);
        this.staff = new StaffMethods(chats);
    }

    /** Makes {@code chatId} a supergroup the bot belongs to, with topics ({@code forum}) or without. */
    public FakeBotApi staffGroup(long chatId, boolean forum) {
        staff.group(chatId, forum);
        return this;
    }

    public synchronized FakeBotApi start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a local port for the fake Bot API", e);
        }
        BotMethods methods = new BotMethods(updates, new MessageMethods(chats), staff);
        server.createContext("/", new FakeBotApiHandler(methods, calls, faults, limits));
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** Wakes waiting long polls first, so their threads do not outlive the server by up to the cap. */
    @Override
    public synchronized void close() {
        updates.close();
        if (server != null) {
            server.stop(0);
            server = null;
        }
        executor.shutdownNow();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Like {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** For {@code OkHttpTelegramClient} and {@code registerBot(token, () -> api.telegramUrl(), ...)}. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", port(), false);
    }

    /** The longest a getUpdates waits, whatever timeout it asks for, so tests and shutdowns stay quick. */
    public FakeBotApi longPollCap(Duration cap) {
        updates.longPollCap(cap);
        return this;
    }

    // ---- updates ----

    /** A fresh update_id above every id used so far (ids start at 1, as the library skips 0). */
    public long nextUpdateId() {
        return updates.nextUpdateId();
    }

    public void enqueue(String updateJson) {
        enqueue(Json.parseObject(updateJson));
    }

    public void enqueue(ObjectNode update) {
        for (String field : List.of("message", "edited_message", "channel_post")) {
            if (update.has(field)) {
                chats.observe(update.get(field));
            }
        }
        updates.enqueue(update.deepCopy());
    }

    /** Updates handed out or waiting that no getUpdates offset has confirmed yet. */
    public int unconfirmedCount() {
        return updates.unconfirmedCount();
    }

    /**
     * Waits until a getUpdates offset has confirmed the update. Use this rather than {@link #unconfirmedCount()}
     * right after {@link #awaitCall}: a call is recorded when it arrives, before its offset is applied.
     */
    public void awaitConfirmed(long updateId, Duration timeout) {
        try {
            if (!updates.awaitConfirmed(updateId, timeout)) {
                throw new AssertionError("Update " + updateId + " was not confirmed within " + timeout + "; "
                        + updates.describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for update " + updateId + " to be confirmed", e);
        }
    }

    // ---- calls ----

    public List<Call> calls() {
        return calls.all();
    }

    public List<Call> calls(String method) {
        return calls.of(method);
    }

    /** The first call so far or within {@code timeout} that matches; an AssertionError lists the calls seen. */
    public Call awaitCall(Predicate<Call> matcher, Duration timeout) {
        return calls.await(matcher, timeout);
    }

    public Call awaitCall(String method, Duration timeout) {
        return calls.await(call -> call.method().equals(method), timeout);
    }

    public void clearCalls() {
        calls.clear();
    }

    // ---- what the user sees ----

    /** The bot's messages in the chat, oldest first, as they look now: edits applied, deleted ones gone. */
    public List<JsonNode> messagesTo(long chatId) {
        return chats.messagesTo(chatId);
    }

    public JsonNode lastMessageTo(long chatId) {
        List<JsonNode> messages = messagesTo(chatId);
        if (messages.isEmpty()) {
            throw new AssertionError("The bot has sent no message to chat " + chatId);
        }
        return messages.get(messages.size() - 1);
    }

    // ---- faults ----

    /**
     * The next call of {@code method} fails with this Bot API error, e.g. {@code 429, "Too Many Requests: retry
     * after 5", 5} or {@code 403, "Forbidden: bot was blocked by the user", null}. Several calls queue up.
     */
    public void failNext(String method, int errorCode, String description, Integer retryAfter) {
        faults.failNext(method, ApiReply.error(errorCode, description, retryAfter));
    }

    /** The next call of {@code method} is answered only after {@code delay}. */
    public void delayNext(String method, Duration delay) {
        faults.delayNext(method, delay);
    }

    // ---- Telegram's limits (opt-in) ----

    /**
     * From now on, send* calls are refused as Telegram refuses them: 429 {@code Too Many Requests: retry after N}
     * (with {@code parameters.retry_after}) beyond 30 accepted messages in any second or a second message to one chat
     * within a second.
     */
    public FakeBotApi enforceTelegramLimits() {
        return enforceTelegramLimits(TelegramLimits.TELEGRAM_PER_SECOND);
    }

    /** As {@link #enforceTelegramLimits()} with another overall limit, for tests that scale Telegram up to run fast. */
    public FakeBotApi enforceTelegramLimits(int messagesPerSecond) {
        limits.enforce(messagesPerSecond);
        return this;
    }

    /** These chats blocked the bot: every send* to them is answered 403 {@code Forbidden: bot was blocked by the user}. */
    public FakeBotApi blockedBy(long... chatIds) {
        for (long chatId : chatIds) {
            limits.block(chatId);
        }
        return this;
    }

    /** The 429 and 403 answers given for the limits above, in order. */
    public List<Refusal> refusals() {
        return limits.refusals();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "fake-bot-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
