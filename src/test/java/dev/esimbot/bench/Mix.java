package dev.esimbot.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.bench.NoNetworkTelegramClient.Screen;
import dev.esimbot.testing.TelegramUpdates;
import dev.esimbot.testing.TestUser;
import java.util.List;

/**
 * What the synthetic users do: a few set-up updates per chat (not measured), then a cycle of updates repeated for as
 * long as the run lasts. Taps use the buttons of the chat's newest message, so a bot that answers differently than the
 * mix expects stops the benchmark instead of measuring something else.
 */
enum Mix {

    /** Real handling: every update reads billing (loopback HTTP to the in-app sandbox) while rendering. */
    BILLING("browsing with billing reads",
            "/start, tap eSIM, Renew, a plan, Change plan, Back, Menu, /help",
            List.of(command("/start")),
            List.of(command("/start"), tap("e:"), tap("p:"), tap("pl:"), tap("chg:"), tap("e:"), tap("m:"), command("/help"))),

    /** Answered from the session alone, in the link step whose screen needs no billing data. */
    SESSION_ONLY("answered from the session",
            "in the ICCID step: sticker, /help, text that is no ICCID, unknown command, stale button, /language",
            List.of(command("/start"), tap("ln:")),
            List.of(Mix::sticker, command("/help"), text("hello"), command("/nonsense"), staleTap("x::1"), command("/language")));

    /** Builds the next update of one chat. */
    @FunctionalInterface
    interface Step {
        ObjectNode update(long updateId, TestUser user, Screen screen);
    }

    final String title;
    final String cycle;
    final List<Step> setup;
    final List<Step> steps;

    Mix(String title, String cycle, List<Step> setup, List<Step> steps) {
        this.title = title;
        this.cycle = cycle;
        this.setup = setup;
        this.steps = steps;
    }

    private static Step command(String command) {
        return (id, user, screen) -> TelegramUpdates.command(id, user, command, null);
    }

    private static Step text(String text) {
        return (id, user, screen) -> TelegramUpdates.text(id, user, text);
    }

    private static ObjectNode sticker(long id, TestUser user, Screen screen) {
        return TelegramUpdates.sticker(id, user, "👍");
    }

    /** Taps the first button whose callback data starts with {@code prefix} on the chat's newest message. */
    private static Step tap(String prefix) {
        return (id, user, screen) -> {
            if (screen == null) {
                throw new IllegalStateException("chat " + user.id() + " has no message with buttons to tap [" + prefix + "]");
            }
            String data = screen.callbacks().stream().filter(c -> c.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("chat " + user.id() + ": no button [" + prefix
                            + "] on the newest message, only " + screen.callbacks()));
            return TelegramUpdates.callback(id, user, screen.messageId(), data);
        };
    }

    /** A button from an early screen of the chat: well-formed, but its version is long gone. */
    private static Step staleTap(String data) {
        return (id, user, screen) -> TelegramUpdates.callback(id, user, screen == null ? 1 : screen.messageId(), data);
    }
}
