package dev.esimbot.notices;

import dev.esimbot.conversation.Reply;
import java.util.Objects;

/**
 * A message to send once to one chat, outside a conversation (an expiry notice, an announcement).
 *
 * @param id     stable dedupe id, the same however often or wherever the notice is produced, such as
 *               {@code exp-<esim key>-<expiry>-<kind>} or {@code ann-<id>-<chatId>}; never personal data
 * @param chatId the private chat to send it to
 * @param reply  the HTML text and inline buttons
 * @param about  the eSIM an expiry notice is about, or null (an announcement): such a notice is skipped at send time
 *               when the user turned notices off or the eSIM was renewed or set to auto-renew after it was made
 */
public record Notice(String id, long chatId, Reply reply, About about) {

    private static final int MAX_ID_LENGTH = 200;

    /** An expiry notice's eSIM (by {@link EsimKeys#of its key}, never the ICCID) and when the notice was made (epoch ms). */
    public record About(String esim, long madeAt) {
    }

    public Notice(String id, long chatId, Reply reply) {
        this(id, chatId, reply, null);
    }

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
