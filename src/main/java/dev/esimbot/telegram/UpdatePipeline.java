package dev.esimbot.telegram;

import dev.esimbot.announce.StaffAnnouncer;
import dev.esimbot.conversation.ChatInput;
import dev.esimbot.conversation.Conversation;
import dev.esimbot.conversation.InvoicePayments;
import dev.esimbot.notices.BlockedUsers;
import dev.esimbot.ops.UpdateHandling;
import dev.esimbot.support.AgentDesk;
import dev.esimbot.support.StaffMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;

/**
 * Hands a batch of updates to the conversation: the updates of one chat in order, different chats in parallel on a
 * bounded pool. It returns only when the whole batch is handled, so the poller confirms nothing that is not done.
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
     * The batch split into work that may run in parallel: each payment update on its own, the staff group's messages
     * in their order (like one more chat), and each user chat's updates in their order.
     */
    private List<Runnable> lanes(List<Update> updates) {
        Map<Long, List<ChatInput>> byChat = new LinkedHashMap<>();
        List<Runnable> lanes = new ArrayList<>();
        List<StaffMessage> staff = new ArrayList<>();
        for (Update update : updates) {
            if (membership(update)) {
                continue;
            }
            Optional<Runnable> payment = payment(update).or(() -> translator.staffTap(update)
                    .<Runnable>map(tap -> () -> handling.run(tap.chatId(), tap.updateId(), () -> announcer.tapped(tap))));
            Optional<StaffMessage> agent = translator.staff(update);
            if (payment.isPresent()) {
                lanes.add(payment.get());
            } else if (agent.isPresent()) {
                staff.add(agent.get());
            } else {
                translator.translate(update).ifPresent(input -> byChat.computeIfAbsent(input.chatId(), c -> new ArrayList<>()).add(input));
            }
        }
        if (!staff.isEmpty()) {
            lanes.add(() -> staff.forEach(message -> handling.run(message.chatId(), message.updateId(), () -> {
                if (!announcer.handle(message)) {
                    agents.handle(message);
                }
            })));
        }
        byChat.values().forEach(inputs -> lanes.add(() -> inputs.forEach(this::handleOne)));
        return lanes;
    }

    public void handle(Update update) {
        handle(List.of(update));
    }

    /**
     * The user blocked the bot (kicked) or started it again (member): notices skip blocked chats. Returns whether the
     * update was such a change, which needs no answer.
     */
    private boolean membership(Update update) {
        ChatMemberUpdated change = update.getMyChatMember();
        if (change == null || change.getChat() == null || !"private".equals(change.getChat().getType())) {
            return false;
        }
        String status = change.getNewChatMember() == null ? "" : change.getNewChatMember().getStatus();
        if ("kicked".equals(status)) {
            blocked.markBlocked(change.getChat().getId());
        } else if ("member".equals(status)) {
            blocked.unblock(change.getChat().getId());
        }
        return true;
    }

    /** Pre-checkout queries and charged invoices: they answer to their own deadlines, not to the chat's turn order. */
    private Optional<Runnable> payment(Update update) {
        long id = update.getUpdateId();
        return translator.preCheckout(update)
                .<Runnable>map(query -> () -> handling.run(query.userId(), id, () -> invoices.check(query)))
                .or(() -> translator.payment(update)
                        .map(paid -> () -> handling.run(paid.chatId(), id, () -> invoices.paid(paid))));
    }

    private void handleOne(ChatInput input) {
        handling.run(input.chatId(), input.updateId(), () -> conversation.handle(input));
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
