package dev.esimbot.notices;

import dev.esimbot.conversation.Button;
import dev.esimbot.conversation.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice as it lies in the stream: the entry id, the notice, and how many times sending it failed for a passing
 * reason so far (such an entry is added again with one more try, see {@link NoticeStream#retryLater}).
 */
record QueuedNotice(StreamEntryID entryId, Notice notice, int tries) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<List<Button>>> ROWS = new TypeReference<>() {
    };

    long chatId() {
        return notice.chatId();
    }

    String id() {
        return notice.id();
    }

    /** The stream entry's fields; the field names are stored in Redis, so never rename them. */
    static Map<String, String> fields(Notice notice, int tries) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", notice.id());
        fields.put("chat", Long.toString(notice.chatId()));
        fields.put("text", notice.reply().text());
        fields.put("rows", JSON.writeValueAsString(notice.reply().rows()));
        fields.put("tries", Integer.toString(tries));
        if (notice.about() != null) {
            fields.put("esim", notice.about().esim());
            fields.put("made", Long.toString(notice.about().madeAt()));
        }
        return fields;
    }

    /** @throws IllegalArgumentException when the entry is not a notice (written by hand, say) */
    static QueuedNotice of(StreamEntry entry) {
        try {
            Map<String, String> fields = entry.getFields();
            return new QueuedNotice(entry.getID(), notice(fields), Integer.parseInt(fields.getOrDefault("tries", "0")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Stream entry " + entry.getID() + " is not a notice", e);
        }
    }

    /** The notice of an entry's fields (or of a held notice's, which are the same). */
    static Notice notice(Map<String, String> fields) {
        Reply reply = new Reply(fields.get("text"), JSON.readValue(fields.get("rows"), ROWS));
        Notice.About about = fields.containsKey("esim")
                ? new Notice.About(fields.get("esim"), Long.parseLong(fields.get("made"))) : null;
        return new Notice(fields.get("id"), Long.parseLong(fields.get("chat")), reply, about);
    }

    static String json(Map<String, String> fields) {
        return JSON.writeValueAsString(fields);
    }

    static Map<String, String> fromJson(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, String>>() {
        });
    }

    /** The fields as a flat list (name, value, name, value ...) for a script's XADD. */
    static List<String> flat(Map<String, String> fields) {
        return fields.entrySet().stream().flatMap(field -> Stream.of(field.getKey(), field.getValue())).toList();
    }
}
