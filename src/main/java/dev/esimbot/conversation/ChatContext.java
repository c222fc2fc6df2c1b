package dev.esimbot.conversation;

import dev.esimbot.i18n.Language;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Typed access to the chat's stored context. Keys are short: they are stored for every chat. */
final class ChatContext {

    private static final String LANGUAGE = "l";
    private static final String ESIM = "e";
    private static final String PLAN = "p";
    private static final String ORDER = "o";
    private static final String INTENT = "i";
    private static final String VERSION = "v";
    private static final String LINKING = "li";
    private static final String MASKED_EMAIL = "me";
    private static final String TICKET = "t";
    private static final String FAILED_PAYMENTS = "fp";
    /** The language the chat was last recorded in for announcements (see {@link ChatSeen}). */
    private static final String AUDIENCE = "au";
    /** Flood control's count of the current minute (see {@link FloodControl}). */
    private static final String FLOOD = "f";
    /** Free texts in a row the bot did not understand (see {@link Answers}). */
    private static final String MISSES = "mi";

    private final Map<String, String> data;

    ChatContext(Map<String, String> data) {
        this.data = new HashMap<>(data);
    }

    Map<String, String> data() {
        return data;
    }

    /** Puts back a copy taken before a step that failed, so a failed step leaves no half-done context. */
    void restore(Map<String, String> snapshot) {
        data.clear();
        data.putAll(snapshot);
    }

    Language language() {
        return Language.parse(data.get(LANGUAGE));
    }

    boolean hasLanguage() {
        return data.containsKey(LANGUAGE);
    }

    void language(Language language) {
        data.put(LANGUAGE, language.name());
    }

    String esim() {
        return data.get(ESIM);
    }

    void esim(String iccid) {
        put(ESIM, iccid);
    }

    String plan() {
        return data.get(PLAN);
    }

    void plan(String planId) {
        put(PLAN, planId);
    }

    String order() {
        return data.get(ORDER);
    }

    void order(String orderId) {
        put(ORDER, orderId);
    }

    /**
     * The current purchase intent: a random id made at the journey step that starts a purchase (choosing a plan, or
     * Retry). It is part of the order's idempotency key, so a double tap, a retry after a timeout or a replayed update
     * reach the same order, while a later purchase of the same plan (even after the session expired) is a new one.
     */
    String intent() {
        return data.get(INTENT);
    }

    void newIntent() {
        data.put(INTENT, UUID.randomUUID().toString().replace("-", ""));
    }

    long version() {
        return Long.parseLong(data.getOrDefault(VERSION, "0"));
    }

    long nextVersion() {
        long next = version() + 1;
        data.put(VERSION, Long.toString(next));
        return next;
    }

    String linking() {
        return data.get(LINKING);
    }

    String maskedEmail() {
        return data.get(MASKED_EMAIL);
    }

    void linking(String iccid, String maskedEmail) {
        put(LINKING, iccid);
        put(MASKED_EMAIL, maskedEmail);
    }

    /** The number of the user's support ticket: open while in SUPPORT_TICKET, the closed one while RATING. */
    String ticket() {
        return data.get(TICKET);
    }

    void ticket(String number) {
        put(TICKET, number);
    }

    /**
     * Payments of this chat that failed in a row (declined, or cancelled by billing); an expired checkout neither
     * counts nor resets, and a paid order resets. From the second one on, the failure screen suggests a person.
     */
    int failedPayments() {
        return Integer.parseInt(data.getOrDefault(FAILED_PAYMENTS, "0"));
    }

    void paymentFailed() {
        data.put(FAILED_PAYMENTS, Integer.toString(failedPayments() + 1));
    }

    void paymentSucceeded() {
        put(FAILED_PAYMENTS, null);
    }

    /** Whether announcements know the chat in its current language (see {@link ChatSeen}). */
    boolean inAudience() {
        return language().name().equals(data.get(AUDIENCE));
    }

    void joinedAudience() {
        data.put(AUDIENCE, language().name());
    }

    String floodMark() {
        return data.get(FLOOD);
    }

    void floodMark(String mark) {
        put(FLOOD, mark);
    }

    /** Free texts not understood in a row (after two, a person is offered first). */
    int misses() {
        return Integer.parseInt(data.getOrDefault(MISSES, "0"));
    }

    void misses(int count) {
        put(MISSES, count == 0 ? null : Integer.toString(count));
    }

    /** Back to the menu: the plan being chosen and a half-done link are dropped; eSIM, order and language stay. */
    void leaveFlow() {
        plan(null);
        linking(null, null);
    }

    private void put(String key, String value) {
        if (value == null) {
            data.remove(key);
        } else {
            data.put(key, value);
        }
    }
}
