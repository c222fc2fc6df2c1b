package dev.esimbot.conversation;

import java.util.List;

/** A message the bot shows: HTML text and rows of inline buttons. */
public record Reply(String text, List<List<Button>> rows) {

    public Reply {
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }
}
