package dev.esimbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram client of the benchmark: everything the real OkHttp client does for a JSON method except the network.
 * It validates the method, writes it as the request body, and reads a plausible Bot API answer back through the
 * method's own {@code deserializeResponse}, so the CPU cost of talking to Telegram stays in the measurement and only
 * the round trip is left out. It remembers the buttons of each chat's newest message so the benchmark can tap them.
 */
final class NoNetworkTelegramClient implements InvocationHandler {

    /** The newest message of a chat that has buttons: its id and the callback data of each button, in order. */
    record Screen(int messageId, List<String> callbacks) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, Screen> screens = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1_000);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    TelegramClient client() {
        return (TelegramClient) Proxy.newProxyInstance(TelegramClient.class.getClassLoader(),
                new Class<?>[] {TelegramClient.class}, this);
    }

    Screen screen(long chatId) {
        return screens.get(chatId);
    }

    int calls() {
        return calls.get();
    }

    /** Calls this client could not answer; the messenger only logs them, so the benchmark checks this is zero. */
    int failures() {
        return failures.get();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        if (!"execute".equals(method.getName()) || !(args[0] instanceof BotApiMethod<?> call)) {
            throw new UnsupportedOperationException("the benchmark's Telegram client answers JSON methods only: " + method);
        }
        calls.incrementAndGet();
        try {
            return answer(call);
        } catch (Exception e) {
            failures.incrementAndGet();
            throw e;
        }
    }

    private Serializable answer(BotApiMethod<?> call) throws Exception {
        call.validate();
        ObjectNode request = (ObjectNode) json.readTree(json.writeValueAsString(call));
        // TelegramBots spells some method names in lower case (SendMessage.PATH is "sendmessage").
        String result = switch (call.getMethod().toLowerCase(Locale.ROOT)) {
            case "sendmessage" -> message(request, messageIds.incrementAndGet()).toString();
            case "editmessagetext" -> message(request, request.path("message_id").asInt()).toString();
            default -> "true";
        };
        return call.deserializeResponse("{\"ok\":true,\"result\":" + result + "}");
    }

    /** The message as Telegram returns it, remembering its buttons for the chat. */
    private ObjectNode message(ObjectNode request, int messageId) {
        long chatId = request.path("chat_id").asLong();
        ObjectNode message = json.createObjectNode().put("message_id", messageId).put("date", Instant.now().getEpochSecond());
        message.putObject("from").put("id", 123).put("is_bot", true).put("first_name", "eSIM bot").put("username", "esim_test_bot");
        message.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Bench");
        message.put("text", request.path("text").asText());
        JsonNode markup = request.path("reply_markup");
        if (!markup.isMissingNode() && !markup.isNull()) {
            message.set("reply_markup", markup);
            List<String> callbacks = markup.path("inline_keyboard").findValuesAsText("callback_data");
            screens.put(chatId, new Screen(messageId, callbacks));
        }
        return message;
    }
}
