package dev.esimbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Telegram user talking to the bot through the fake Bot API: every action is a real update JSON delivered by
 * getUpdates, and returns once the bot has confirmed it (that is, handled it).
 */
public final class ChatDriver {

    /** The English labels of the Renew and Confirm buttons. */
    public static final String RENEW = "🔄 Renew / top up";
    public static final String CONFIRM = "✅ Confirm and pay";
    private static final Duration HANDLED = Duration.ofSeconds(20);
    private static final List<String> VISIBLE = List.of("sendMessage", "editMessageText");

    private final FakeBotApi telegram;
    private final TestUser user;
    private ObjectNode lastUpdate;

    public ChatDriver(FakeBotApi telegram, TestUser user) {
        this.telegram = telegram;
        this.user = user;
    }

    public TestUser user() {
        return user;
    }

    public void send(String text) {
        long id = telegram.nextUpdateId();
        if (text.startsWith("/")) {
            String[] parts = text.split(" ", 2);
            deliver(TelegramUpdates.command(id, user, parts[0], parts.length > 1 ? parts[1] : null));
        } else {
            deliver(TelegramUpdates.text(id, user, text));
        }
    }

    /** An English-speaking user's way from /start to a checkout link: eSIM, Renew, plan, Confirm. */
    public void orderInEnglish(String esim, String plan) {
        order(esim, RENEW, plan, CONFIRM);
    }

    /** The same way in any language: the Renew and Confirm labels are the bot's texts in the user's language. */
    public void order(String esim, String renewLabel, String plan, String confirmLabel) {
        toSummary(esim, renewLabel, plan);
        tap(confirmLabel, false);
    }

    /** The way to the plan summary, whose Confirm button is left untapped: /start, eSIM, Renew, plan. */
    public void toSummary(String esim, String renewLabel, String plan) {
        send("/start");
        tap(esim, false);
        tap(renewLabel, false);
        tap(plan, false);
    }

    public void sticker() {
        deliver(TelegramUpdates.sticker(telegram.nextUpdateId(), user, "👍"));
    }

    /** Taps the button with this label on the newest message that shows it (or the oldest, for stale taps). */
    public void tap(String label, boolean oldest) {
        deliver(press(label, oldest));
    }

    /** The update a tap on the newest button with this label sends, built but not delivered (to deliver elsewhere). */
    public ObjectNode press(String label) {
        ObjectNode update = press(label, false);
        lastUpdate = update;
        return update.deepCopy();
    }

    /** Two taps on the same button before the first is answered, as a double tap arrives. */
    public void doubleTap(String label) {
        JsonNode message = messageWith(label, false).orElseThrow(() -> new AssertionError("no button [" + label + "]"));
        String data = callbackData(message, label);
        ObjectNode first = TelegramUpdates.callback(telegram.nextUpdateId(), user, message, data);
        ObjectNode second = TelegramUpdates.callback(telegram.nextUpdateId(), user, message, data);
        telegram.enqueue(first);
        telegram.enqueue(second);
        telegram.awaitConfirmed(second.get("update_id").asLong(), HANDLED);
        lastUpdate = second;
    }

    /** The last update this user sent, as Bot API JSON (to deliver it again some other way). */
    public ObjectNode lastUpdate() {
        return lastUpdate.deepCopy();
    }

    /** The URL of the newest URL button (the checkout link). */
    public String lastUrlButton() {
        List<JsonNode> messages = new ArrayList<>(telegram.messagesTo(user.id()));
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (JsonNode row : messages.get(i).path("reply_markup").path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.hasNonNull("url")) {
                        return button.get("url").asText();
                    }
                }
            }
        }
        throw new AssertionError("no URL button in chat " + user.id());
    }

    /** Bot calls visible to this user (sent and edited messages) since the given mark. */
    public List<Call> visibleSince(int mark) {
        List<Call> calls = telegram.calls();
        return calls.subList(Math.min(mark, calls.size()), calls.size()).stream()
                .filter(c -> VISIBLE.contains(c.method()) && c.chatId() == user.id()).toList();
    }

    public int mark() {
        return telegram.calls().size();
    }

    /** Waits until the bot sent at least one more message to this user after the mark, then for a quiet moment. */
    public void awaitMessageSince(int mark, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (visibleSince(mark).stream().noneMatch(c -> c.method().equals("sendMessage"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot sent nothing to " + user.id() + " within " + timeout);
            }
            pause(20);
        }
        pause(300);
    }

    /** Delivers any update from this chat and waits until the bot has handled it (confirmed its offset). */
    public void deliver(ObjectNode update) {
        lastUpdate = update;
        telegram.enqueue(update);
        telegram.awaitConfirmed(update.get("update_id").asLong(), HANDLED);
    }

    /** Whether a message of the chat shows a button with this label. */
    public boolean shows(String label) {
        return messageWith(label, false).isPresent();
    }

    private ObjectNode press(String label, boolean oldest) {
        JsonNode message = messageWith(label, oldest)
                .orElseThrow(() -> new AssertionError("no message in chat " + user.id() + " has a button [" + label + "]"));
        return TelegramUpdates.callback(telegram.nextUpdateId(), user, message, callbackData(message, label));
    }

    private Optional<JsonNode> messageWith(String label, boolean oldest) {
        List<JsonNode> messages = new ArrayList<>(telegram.messagesTo(user.id()));
        if (!oldest) {
            java.util.Collections.reverse(messages);
        }
        return messages.stream().filter(m -> findButton(m, label) != null).findFirst();
    }

    private static String callbackData(JsonNode message, String label) {
        return findButton(message, label).get("callback_data").asText();
    }

    /** The button labelled exactly so, or else the first whose label starts with it ("Peru 7-Day" for the eSIM). */
    private static JsonNode findButton(JsonNode message, String label) {
        JsonNode prefixed = null;
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                String text = button.path("text").asText();
                if (!button.hasNonNull("callback_data")) {
                    continue;
                }
                if (label.equals(text)) {
                    return button;
                }
                if (prefixed == null && text.startsWith(label)) {
                    prefixed = button;
                }
            }
        }
        return prefixed;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
