package dev.esimbot.telegram;

import dev.esimbot.ops.UpdateHandling.Outcome;
import redis.clients.jedis.StreamEntryID;

/** Handles one stored update: its partition, entry id (unique within the partition only) and Bot API JSON. */
@FunctionalInterface
interface EntrySink {

    Outcome handle(int partition, StreamEntryID id, String json);
}
