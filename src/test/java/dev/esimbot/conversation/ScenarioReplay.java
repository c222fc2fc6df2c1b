package dev.esimbot.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.testing.Call;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import dev.esimbot.testkit.ChatDriver;
import dev.esimbot.testkit.MutableClock;
import dev.esimbot.testkit.SandboxDriver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plays a scenario's actions against the running bot and writes down what the user saw, in the file's format. */
final class ScenarioReplay {

    private static final Pattern ORDER_ID = Pattern.compile("SBX-\\d+");
    private static final Pattern TICKET = Pattern.compile("#\\d+");
    private static final long STAFF = ConversationsReplayTest.STAFF_CHAT;
    private static final TestUser AGENT = TestUser.english(555_000_009, "Agent");
    private static final Duration ASYNC = Duration.ofSeconds(20);
    private static final Duration CHECKOUT_TTL = Duration.ofMinutes(30); // the sandbox's, in application.yml
    private static final Map<String, String[]> SANDBOX_FAULTS = Map.of(
            "billing goes down", new String[] {"orders-unavailable"},
            "billing is back", new String[0],
            "billing will fail to renew", new String[] {"renewal-fails"});

    private final FakeBotApi telegram;
    private final SandboxDriver sandbox;
    private final MutableClock clock;
    private final Consumer<JsonNode> redeliver;
    private final Map<String, Runnable> appActions;
    private final Map<String, String> orderNames = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    /**
     * @param redeliver  hands an update straight to the bot's pipeline again, as a second delivery would
     * @param appActions actions the app does by itself (the expiry scan, releasing held notices), by their line
     */
    ScenarioReplay(FakeBotApi telegram, SandboxDriver sandbox, MutableClock clock, Consumer<JsonNode> redeliver,
                   Map<String, Runnable> appActions) {
        this.redeliver = redeliver;
        this.appActions = appActions;
        this.telegram = telegram;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    String play(Scenario scenario) {
        scenario.header().forEach(line -> out.append(line).append('\n'));
        ChatDriver chat = new ChatDriver(telegram, new TestUser(scenario.customer(), scenario.firstName(), scenario.language()));
        for (String action : scenario.actions()) {
            out.append('\n').append(render(action, chat, scenario)).append('\n');
        }
        return out.toString();
    }

    private String render(String action, ChatDriver chat, Scenario scenario) {
        if (action.startsWith("check:")) {
            return check(action, chat, scenario);
        }
        if (action.startsWith("clock:")) {
            clock.advance(Duration.parse("PT" + action.substring(6).strip().replace("+", "").toUpperCase(Locale.ROOT)));
            return action;
        }
        int mark = chat.mark();
        act(action, chat, mark);
        StringBuilder text = new StringBuilder(action);
        List<Call> calls = telegram.calls();
        for (Call call : calls.subList(Math.min(mark, calls.size()), calls.size())) {
            String heading = heading(call, chat);
            if (heading == null) {
                continue;
            }
            text.append("\n\n").append(heading);
            String body = call.method().equals("copyMessage") ? null : call.text();
            for (String line : body == null ? new String[0] : normalise(body).split("\n", -1)) {
                text.append('\n').append(line.isEmpty() ? "" : "  " + line);
            }
            buttons(call.body().path("reply_markup"), text);
        }
        return text.toString();
    }

    /** What the user or the staff group saw from one call, or null for calls nobody sees (answers, getChat...). */
    private static String heading(Call call, ChatDriver chat) {
        boolean toUser = call.chatId() == chat.user().id();
        boolean toStaff = call.chatId() == ConversationsReplayTest.STAFF_CHAT;
        return switch (call.method()) {
            case "sendMessage" -> toUser ? "bot:" : toStaff ? "staff group:" : null;
            case "editMessageText" -> toUser ? "bot edits:" : null;
            case "copyMessage" -> toUser ? "bot: (a copy of the agent's message)"
                    : toStaff ? "staff group: (a copy of the user's message)" : null;
            case "createForumTopic" -> toStaff ? "staff group: new topic \"" + normaliseTickets(call.param("name")) + "\"" : null;
            default -> null;
        };
    }

    private void act(String action, ChatDriver chat, int mark) {
        if (action.startsWith("user: ")) {
            chat.send(action.substring(6));
        } else if (action.startsWith("user taps: ")) {
            chat.tap(action.substring(11), false);
        } else if (action.startsWith("user taps an old message: ")) {
            chat.tap(action.substring(26), true);
        } else if (action.startsWith("user double-taps: ")) {
            chat.doubleTap(action.substring(18));
        } else if (action.equals("user sends a sticker")) {
            chat.sticker();
        } else if (action.equals("telegram redelivers the last update")) {
            redeliver.accept(chat.lastUpdate());
        } else if (action.equals("user pays") || action.equals("user declines")) {
            sandbox.checkout(chat.lastUrlButton(), action.equals("user pays") ? "paid" : "declined");
            chat.awaitMessageSince(mark, ASYNC);
        } else if (action.equals("the checkout expires")) {
            clock.advance(CHECKOUT_TTL.plusMinutes(1)); // reconciliation finds it due and billing says expired
            chat.awaitMessageSince(mark, ASYNC);
        } else if (action.equals("user sends a photo")) {
            chat.deliver(TelegramUpdates.photo(telegram.nextUpdateId(), chat.user(), null));
        } else if (action.startsWith("agent says: ")) {
            agent(chat, TelegramUpdates.staffMessage(telegram.nextUpdateId(), AGENT, STAFF, topic(chat), replyTarget(chat),
                    action.substring(12)));
        } else if (action.equals("agent sends a photo")) {
            agent(chat, TelegramUpdates.staffPhoto(telegram.nextUpdateId(), AGENT, STAFF, topic(chat), replyTarget(chat), null));
        } else if (appActions.containsKey(action)) {
            appActions.get(action).run();
        } else if (SANDBOX_FAULTS.containsKey(action)) {
            sandbox.faults(chat.user().id(), SANDBOX_FAULTS.get(action));
        } else {
            throw new IllegalArgumentException("unknown action: " + action);
        }
    }

    private void agent(ChatDriver chat, ObjectNode update) {
        telegram.enqueue(update);
        telegram.awaitConfirmed(update.path("update_id").asLong(), ASYNC);
    }

    /** The ticket's topic: the thread of the context card that names this user. */
    private Integer topic(ChatDriver chat) {
        return telegram.calls("sendMessage").stream()
                .filter(c -> c.chatId() == STAFF && c.text().contains(Long.toString(chat.user().id())))
                .reduce((first, second) -> second)
                .filter(c -> c.body().has("message_thread_id")).map(c -> c.body().path("message_thread_id").asInt())
                .orElse(null);
    }

    /** In a group without topics agents reply: to the newest copy of this user's messages, else to the card. */
    private Integer replyTarget(ChatDriver chat) {
        List<JsonNode> staff = telegram.messagesTo(STAFF);
        for (int i = staff.size() - 1; i >= 0; i--) {
            JsonNode message = staff.get(i);
            boolean copy = message.path("copy_of").path("chat_id").asLong() == chat.user().id();
            boolean card = message.path("text").asText().contains(Long.toString(chat.user().id()));
            if (copy || card) {
                return message.path("message_id").asInt();
            }
        }
        return null;
    }

    private String check(String action, ChatDriver chat, Scenario scenario) {
        String what = action.substring(6, action.indexOf('=')).strip();
        long actual = switch (what) {
            case "orders" -> sandbox.orders(scenario.customer()).size();
            case "receipts" -> telegram.calls("sendMessage").stream()
                    .filter(c -> c.chatId() == scenario.customer() && isReceipt(c.text())).count();
            case "staff alerts" -> telegram.calls("sendMessage").stream()
                    .filter(c -> c.chatId() == ConversationsReplayTest.STAFF_CHAT
                            && c.text().contains(Long.toString(scenario.customer()))).count();
            default -> throw new IllegalArgumentException("unknown check: " + action);
        };
        return "check: " + what + " = " + actual;
    }

    private static boolean isReceipt(String text) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            String body = ResourceBundle.getBundle("i18n/messages", locale).getString("receipt.body");
            if (text != null && text.startsWith(body.substring(0, body.indexOf('\n')))) {
                return true;
            }
        }
        return false;
    }

    /** Ticket numbers come from one counter for the whole run: shown as #T, the same for every scenario. */
    private static String normaliseTickets(String text) {
        return TICKET.matcher(text == null ? "" : text).replaceAll("#T");
    }

    private void buttons(JsonNode markup, StringBuilder text) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            StringBuilder line = new StringBuilder(" ");
            for (JsonNode button : row) {
                line.append(" [").append(normalise(button.path("text").asText()))
                        .append(button.hasNonNull("url") ? " ↗" : "").append(']');
            }
            text.append('\n').append(line);
        }
    }

    /** Order and ticket numbers depend on what ran before; name them by first appearance in this scenario instead. */
    private String normalise(String text) {
        Matcher matcher = ORDER_ID.matcher(normaliseTickets(text == null ? "" : text));
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = orderNames.computeIfAbsent(matcher.group(), id -> "SBX-#" + (orderNames.size() + 1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(name));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
