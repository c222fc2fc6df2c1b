package dev.esimbot.conversation;

import dev.esimbot.billing.Order;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Whose an order mark is: the chat and a digest of what identifies the order beyond its id (customer, eSIM, plan,
 * creation time to the second), none of which changes during an order's life nor between billing's answers about
 * it (the amount is left out: a contract may restate it). The one place that writes and reads the formats: a mark
 * {@code <state>|<chat>|<digest>}, a pending entry {@code <chat>|<digest>}; the digest keeps the ICCID out of Redis.
 */
record MarkOwner(long chatId, String digest) {

    private static final int DIGEST_BYTES = 8;

    static MarkOwner of(long chatId, Order order) {
        Instant created = order.createdAt() == null ? null : order.createdAt().truncatedTo(ChronoUnit.SECONDS);
        String body = order.customerId() + "|" + order.iccid() + "|" + order.planId() + "|" + created;
        return new MarkOwner(chatId, digest(body));
    }

    String mark(String state) {
        return state + "|" + pendingEntry();
    }

    /** The mark was written by this chat for this very order, whatever state it is in. */
    boolean owns(String mark) {
        return mark.equals(mark(OnceMark.SENDING)) || mark.equals(mark(OnceMark.SENT));
    }

    /** How the owner appears in a key of its own: {@code <chat>-<digest>}. */
    String keyPart() {
        return chatId + "-" + digest;
    }

    /** The pending set's entry for this owner. */
    String pendingEntry() {
        return chatId + "|" + digest;
    }

    /** The chat a pending entry names ({@code <chat>|<digest>}, or a bare chat id from before entries named orders). */
    static long chatOfEntry(String entry) {
        int bar = entry.indexOf('|');
        return Long.parseLong(bar < 0 ? entry : entry.substring(0, bar));
    }

    /** What a log line may say about another owner's mark: its chat id, or that it names none. */
    static String describe(String mark) {
        String[] parts = mark.split("\\|");
        return parts.length == 3 ? "chat " + parts[1] : "an older mark naming no chat";
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
