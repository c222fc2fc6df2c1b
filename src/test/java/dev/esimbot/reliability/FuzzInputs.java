package dev.esimbot.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random updates for one user, as real Bot API JSON: texts in many scripts (and control characters), huge texts,
 * commands with odd arguments, taps on the newest buttons, stale and forged buttons, edits, stickers, and updates
 * the bot must not answer: group and channel posts, membership changes, kinds the bot does not know.
 */
final class FuzzInputs {

    /** A fuzzed update and whether the user must get an answer to it. */
    record Input(ObjectNode update, boolean answered) {
    }

    private static final String[] ALPHABETS = {
        "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,!?:;-_/@#",
        "你好我想续费流量套餐人工客服请帮忙查询余额中文字符测试",
        "🙂🔄✅❌📶🇵🇪🇯🇵👨‍👩‍👧‍👦🏳️‍🌈",
        "مرحبا שלום Привет Γειά नमस्ते こんにちは 안녕하세요",
        "\u0000\u0007\u001b\u200b\u200d\u202e\ufeff\ufffd\t\r\n<>&\"'`\\{}[]%$",
        "8989898989012345678901234567890"};
    private static final String[] COMMANDS = {"/start", "/help", "/orders", "/language", "/cancel", "/menu",
        "/status", "/foo", "/start@esim_test_bot", "/START", "/"};

    private final Random random;
    private final FakeBotApi telegram;

    FuzzInputs(Random random, FakeBotApi telegram) {
        this.random = random;
        this.telegram = telegram;
    }

    Input next(TestUser user) {
        long id = telegram.nextUpdateId();
        int dice = random.nextInt(100);
        if (dice < 22) {
            return answered(TelegramUpdates.text(id, user, text(1 + random.nextInt(200))));
        } else if (dice < 25) {
            return answered(TelegramUpdates.text(id, user, text(3000 + random.nextInt(1097))));
        } else if (dice < 37) {
            String command = COMMANDS[random.nextInt(COMMANDS.length)];
            return answered(TelegramUpdates.command(id, user, command, random.nextBoolean() ? null : text(20)));
        } else if (dice < 62) {
            return tap(id, user, false);
        } else if (dice < 68) {
            return tap(id, user, true);
        } else if (dice < 75) {
            return answered(TelegramUpdates.callback(id, user, 1 + random.nextInt(1000), forgedData()));
        } else if (dice < 77) {
            return answered(TelegramUpdates.callbackWithoutMessage(id, user, "inline-" + id, forgedData()));
        } else if (dice < 81) {
            return answered(TelegramUpdates.editedMessage(id, user, 1 + random.nextInt(1000), text(30)));
        } else if (dice < 84) {
            return answered(random.nextBoolean() ? TelegramUpdates.sticker(id, user, "👍")
                    : TelegramUpdates.photo(id, user, random.nextBoolean() ? null : text(50)));
        }
        return new Input(silent(id, user, dice), false);
    }

    /** Updates that are not the user's private conversation: nothing may be sent in answer. */
    private ObjectNode silent(long id, TestUser user, int dice) {
        if (dice < 89) {
            return TelegramUpdates.groupMessage(id, user, -100_555_000L - random.nextInt(3), text(40));
        } else if (dice < 93) {
            return TelegramUpdates.channelPost(id, -100_777_000L - random.nextInt(3), text(40));
        } else if (dice < 95) {
            return TelegramUpdates.myChatMember(id, user, "member");
        }
        ObjectNode unknown = TelegramUpdates.text(id, user, "x");
        unknown.remove("message");
        unknown.putObject(random.nextBoolean() ? "message_reaction" : "future_kind_" + random.nextInt(5))
                .put("chat_id", user.id()).put("payload", text(10));
        return unknown;
    }

    private Input tap(long id, TestUser user, boolean stale) {
        List<JsonNode> withButtons = new ArrayList<>();
        for (JsonNode message : telegram.messagesTo(user.id())) {
            if (message.path("reply_markup").path("inline_keyboard").size() > 0) {
                withButtons.add(message);
            }
        }
        if (withButtons.isEmpty()) {
            return answered(TelegramUpdates.command(id, user, "/start", null));
        }
        JsonNode message = stale ? withButtons.get(random.nextInt(withButtons.size())) : withButtons.get(withButtons.size() - 1);
        List<String> data = new ArrayList<>();
        message.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(b -> { if (b.hasNonNull("callback_data")) data.add(b.get("callback_data").asText()); }));
        if (data.isEmpty()) {
            return answered(TelegramUpdates.command(id, user, "/help", null));
        }
        return answered(TelegramUpdates.callback(id, user, message, data.get(random.nextInt(data.size()))));
    }

    private String forgedData() {
        return switch (random.nextInt(4)) {
            case 0 -> text(random.nextInt(64));
            case 1 -> "pl:" + text(8) + ":" + Long.toString(random.nextInt(50), 36);
            case 2 -> "ok::" + Long.toString(random.nextInt(50), 36);
            default -> "e:" + "8".repeat(random.nextInt(80)) + ":1";
        };
    }

    String text(int length) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int[] points = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return text.toString();
    }

    private static Input answered(ObjectNode update) {
        return new Input(update, true);
    }
}
