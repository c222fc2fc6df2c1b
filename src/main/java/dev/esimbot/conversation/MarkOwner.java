package dev.esimbot.conversation;

import dev.esimbot.billing.Order;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whose an order mark is: the chat and a digest of the order's body (customer, eSIM, plan, amount, creation time),
 * none of which changes during an order's life. Stored in the mark as {@code <state>|<chat>|<digest>}; the digest
 * keeps the ICCID out of Redis keys and values.
 */
record MarkOwner(long chatId, String digest) {

    private static final int DIGEST_BYTES = 8;

    static MarkOwner of(long chatId, Order order) {
        String body = order.customerId() + "|" + order.iccid() + "|" + order.planId() + "|"
                + order.amount().amountMinor() + " " + order.amount().currency() + "|" + order.createdAt();
        return new MarkOwner(chatId, digest(body));
    }

    String mark(String state) {
        return state + "|" + chatId + "|" + digest;
    }

    /** The mark was written by this chat for this very order, whatever state it is in. */
    boolean owns(String mark) {
        return mark.equals(mark(OnceMark.SENDING)) || mark.equals(mark(OnceMark.SENT));
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
