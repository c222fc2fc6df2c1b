package dev.esimbot.telegram;

import dev.esimbot.announce.StaffAnnouncer;
import dev.esimbot.conversation.Conversation;
import dev.esimbot.conversation.InvoicePayments;
import dev.esimbot.notices.BlockedUsers;
import dev.esimbot.ops.UpdateHandling;
import dev.esimbot.ops.UpdateHandling.Outcome;
import dev.esimbot.support.AgentDesk;
import dev.esimbot.support.StaffMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;

/**
 * Hands updates to the conversation, the support desk and the payment checks. In Bot API mode the update queue hands
 * them over one at a time ({@link #handleNow}), from the worker that owns the chat's partition. Local mode, and long
 * polling while Redis cannot store updates, hand over a batch ({@link #handle(List)}): the updates of one chat in
 * order, different chats in parallel on a bounded pool, returning when the whole batch is done.
 */
@Component
public class UpdatePipeline implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UpdatePipeline.class);

    private final UpdateTranslator translator;
    private final Conversation conversation;
    private final InvoicePayments invoices;
    private final AgentDesk agents;
    private final BlockedUsers blocked;
    private final StaffAnnouncer announcer;
    private final ExecutorService workers;
    private final UpdateHandling handling;

    UpdatePipeline(UpdateTranslator translator, Conversation conversation, InvoicePayments invoices, AgentDesk agents,
                   BlockedUsers blocked, TelegramProperties properties, UpdateHandling handling,
                   StaffAnnouncer announcer) {
        this.handling = handling;
        this.announcer = announcer;
        this.agents = agents;
        this.blocked = blocked;
        this.translator = translator;
        this.conversation = conversation;
        this.invoices = invoices;
        this.workers = Executors.newFixedThreadPool(properties.workers(), named("chat-worker-"));
    }

    public void handle(List<Update> updates) {
        List<Runnable> lanes = lanes(updates);
        List<Future<?>> running = new ArrayList<>();
        lanes.forEach(lane -> running.add(workers.submit(lane)));
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.error("a chat's updates failed unexpectedly", e);
            }
        }
    }

    /**
     * Handles one update now, in the caller's thread (a partition worker of the update queue, which keeps a chat's
     * updates in order). The outcome says whether the update may be deleted from the queue.
     */
    public Outcome handleNow(Update update) {
        Work work = work(update);
        return work == null ? Outcome.HANDLED : work.body().get();
    }

    public void handle(Update update) {
        handle(List.of(update));
    }

    /**
     * Redis cannot store these updates: each user is told, once per update, that the bot is temporarily unavailable,
     * and nothing else is done. Handling them here, outside the queue, could run a chat's update before the ones it
     * stored earlier; Telegram keeps them, and they are handled in order once stored.
     */
    public void tellUnavailable(List<Update> updates) {
        List<Callable<Void>> tells = updates.stream().map(translator::translate).flatMap(Optional::stream)
                .map(input -> (Callable<Void>) () -> {
                    try {
                        conversation.tellUnavailable(input);
                    } catch (RuntimeException e) {
                        log.warn("chat={} update={} not told the bot is unavailable: {}", input.chatId(), input.updateId(),
                                e.getClass().getSimpleName());
                    }
                    return null;
                }).toList();
        try {
            workers.invokeAll(tells);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where an update's work runs in a batch: on its own, in the staff group's lane, or in its chat's lane. */
    private enum Lane { ALONE, STAFF, CHAT }

    private record Work(Lane lane, long chatId, Supplier<Outcome> body) {
    }

    /**
     * The batch split into work that may run in parallel: each payment update on its own, the staff group's messages
     * in their order (like one more chat), and each user chat's updates in their order.
     */
    private List<Runnable> lanes(List<Update> updates) {
        Map<Long, List<Work>> byChat = new LinkedHashMap<>();
        List<Runnable> lanes = new ArrayList<>();
        List<Work> staff = new ArrayList<>();
        for (Update update : updates) {
            Work work = work(update);
            if (work == null) {
                continue;
            }
            switch (work.lane()) {
                case ALONE -> lanes.add(work.body()::get);
                case STAFF -> staff.add(work);
                case CHAT -> byChat.computeIfAbsent(work.chatId(), c -> new ArrayList<>()).add(work);
            }
        }
        if (!staff.isEmpty()) {
            lanes.add(() -> staff.forEach(work -> work.body().get()));
        }
        byChat.values().forEach(works -> lanes.add(() -> works.forEach(work -> work.body().get())));
        return lanes;
    }

    /** What to do with one update, or null when there is nothing to do (a kind the bot does not handle). */
    private Work work(Update update) {
        long id = update.getUpdateId();
        ChatMemberUpdated change = update.getMyChatMember();
        if (change != null && change.getChat() != null && "private".equals(change.getChat().getType())) {
            return new Work(Lane.ALONE, 0, () -> handling.run(change.getChat().getId(), id, () -> membership(change)));
        }
        Optional<Work> alone = payment(update).or(() -> translator.staffTap(update)
                .map(tap -> () -> handling.run(tap.chatId(), tap.updateId(), () -> announcer.tapped(tap))))
                .map(body -> new Work(Lane.ALONE, 0, body));
        if (alone.isPresent()) {
            return alone.get();
        }
        Optional<StaffMessage> agent = translator.staff(update);
        if (agent.isPresent()) {
            StaffMessage message = agent.get();
            return new Work(Lane.STAFF, message.chatId(), () -> handling.run(message.chatId(), message.updateId(), () -> {
                if (!announcer.handle(message)) {
                    agents.handle(message);
                }
            }));
        }
        return translator.translate(update).map(input -> new Work(Lane.CHAT, input.chatId(),
                () -> handling.run(input.chatId(), input.updateId(), () -> conversation.handle(input)))).orElse(null);
    }

    /** The user blocked the bot (kicked) or started it again (member): notices skip blocked chats. */
    private void membership(ChatMemberUpdated change) {
        String status = change.getNewChatMember() == null ? "" : change.getNewChatMember().getStatus();
        if ("kicked".equals(status)) {
            blocked.markBlocked(change.getChat().getId());
        } else if ("member".equals(status)) {
            blocked.unblock(change.getChat().getId());
        }
    }

    /** Pre-checkout queries and charged invoices: they answer to their own deadlines, not to the chat's turn order. */
    private Optional<Supplier<Outcome>> payment(Update update) {
        long id = update.getUpdateId();
        return translator.preCheckout(update)
                .<Supplier<Outcome>>map(query -> () -> handling.run(query.userId(), id, () -> invoices.check(query)))
                .or(() -> translator.payment(update)
                        .map(paid -> () -> handling.run(paid.chatId(), id, () -> invoices.paid(paid))));
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
