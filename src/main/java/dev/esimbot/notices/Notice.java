package dev.esimbot.notices;

import dev.esimbot.conversation.Reply;
import java.util.Objects;

/**
 * A message to send once to one chat, outside a conversation (an expiry notice, an announcement).
 *
 * @param id     stable dedupe id, the same however often or wherever the notice is produced, such as
 *               {@code expiry:<iccid-hash>:<expiry>:<kind>} or {@code announce:<id>:<chatId>}; never personal data
 * @param chatId the private chat to send it to
 * @param reply  the HTML text and inline buttons
 */
public record Notice(String id, long chatId, Reply reply) {

    private static final int MAX_ID_LENGTH = 200;

    public Notice {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A notice id is 1-" + MAX_ID_LENGTH + " characters without spaces");
        }
        Objects.requireNonNull(reply, "reply");
        if (reply.text() == null || reply.text().isBlank()) {
            throw new IllegalArgumentException("A notice needs a text");
        }
    }
}
