package dev.esimbot.conversation;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.Plan;
import dev.esimbot.i18n.Language;
import dev.esimbot.understanding.Understood;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One event being handled for one chat, under the chat's lock: the context, the state it ends in, and the notices to
 * show above the screen. Billing reads are remembered for the turn so a step and the screen share them.
 */
final class Turn {

    record Notice(String key, Object[] args) {
    }

    final long chatId;
    final ChatContext context;
    final JourneyState startState;
    JourneyState state;
    /** Replaces the state's own text (help, orders, a hint) while keeping its buttons. */
    Notice body;
    final List<Notice> notices = new ArrayList<>();
    /** What to tell the user if billing cannot be reached during this turn. */
    String failureKey = "billing.down";
    /** A hint or problem screen shows only the notices and the buttons, not the state text. */
    boolean hideBody;
    /** The user's first name when the turn comes from the user (null for billing's events). */
    String firstName;
    /** The step changed something in billing (an order, a link, auto-renew); a later failure must not undo or repeat it. */
    boolean committed;
    /** The screen shows the expiry notices switch (/notifications) instead of the state's buttons. */
    boolean noticeSwitch;
    /** An answer to free text (an article, a suggestion, a chooser): its text and buttons replace the state's. */
    Answer answer;
    /** The free text of this turn when it was read for its meaning, and what it was taken to mean. */
    String freeText;
    Understood understood;

    private final BillingClient billing;
    private final Map<String, Object> memo = new HashMap<>();

    Turn(long chatId, ChatContext context, JourneyState state, BillingClient billing) {
        this.chatId = chatId;
        this.context = context;
        this.startState = state;
        this.state = state;
        this.billing = billing;
    }

    /** In a private chat the chat id is the user's id, which is billing's customer id. */
    long customerId() {
        return chatId;
    }

    Language language() {
        return context.language();
    }

    void notice(String key, Object... args) {
        notices.add(new Notice(key, args));
    }

    void body(String key, Object... args) {
        body = new Notice(key, args);
    }

    List<Esim> esims() {
        return remember("esims", () -> billing.esims(customerId()));
    }

    Esim esim(String iccid) {
        return remember("esim:" + iccid, () -> billing.esim(customerId(), iccid));
    }

    List<Plan> plans(String iccid) {
        return remember("plans:" + iccid, () -> billing.plans(customerId(), iccid));
    }

    Optional<Plan> plan(String iccid, String planId) {
        return plans(iccid).stream().filter(p -> p.id().equals(planId)).findFirst();
    }

    Order order(String orderId) {
        return remember("order:" + orderId, () -> billing.order(orderId));
    }

    void remember(Order order) {
        memo.put("order:" + order.id(), order);
    }

    void remember(Esim esim) {
        memo.put("esim:" + esim.iccid(), esim);
        memo.remove("esims");
    }

    BillingClient billing() {
        return billing;
    }

    @SuppressWarnings("unchecked")
    private <T> T remember(String key, Supplier<T> read) {
        return (T) memo.computeIfAbsent(key, k -> read.get());
    }
}
