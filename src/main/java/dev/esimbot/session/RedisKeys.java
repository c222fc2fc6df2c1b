package dev.esimbot.session;

/**
 * The one place that builds Redis keys. Keys of one chat share the hash tag {@code {chatId}} so a script that touches
 * several of them works on Redis Cluster too. The README documents this layout.
 */
public final class RedisKeys {

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The chat's conversation state and context; TTL = idle timeout, none while a payment is open. */
    public String session(long chatId) {
        return prefix + ":chat:{" + chatId + "}:session";
    }

    /** Per-chat lock (a token with a lease), so two updates of one chat never interleave across instances. */
    public String lock(long chatId) {
        return prefix + ":chat:{" + chatId + "}:lock";
    }

    /** Set once the receipt of an order has been claimed for sending; lives as long as receipts matter (90 days). */
    public String receipt(String orderId) {
        return prefix + ":order:" + orderId + ":receipt";
    }

    /** Set once the user has been told an order ended unpaid or that its renewal stalled; 90 days like receipts. */
    public String orderOutcome(String orderId) {
        return prefix + ":order:" + orderId + ":outcome";
    }

    /**
     * The receipt mark of an order whose id was used before for another order (whose mark holds {@link #receipt});
     * {@code owner} is the chat id and a digest of the order's body ({@code <chat>-<digest>}). 90 days like receipts.
     */
    public String receipt(String orderId, String owner) {
        return receipt(orderId) + ":" + owner;
    }

    /** The outcome mark of an order whose id was used before for another order, as {@link #receipt(String, String)}. */
    public String orderOutcome(String orderId, String owner) {
        return orderOutcome(orderId) + ":" + owner;
    }

    /** A billing webhook event id already processed (TTL 7 days, well past billing's retry window). */
    public String webhookEvent(String eventId) {
        return prefix + ":webhook:" + eventId;
    }

    /** Sorted set of orders waiting for a final state: member = order id, score = next check (epoch ms). No TTL: it is a work queue, members leave when resolved. */
    public String pendingOrders() {
        return prefix + ":orders:pending";
    }

    /** Hash of pending order id -> chat id, the companion of {@link #pendingOrders()}. No TTL for the same reason. */
    public String pendingOrderChats() {
        return prefix + ":orders:pending:chats";
    }

    /** Hash of pending order id -> checks so far, which spaces the next check out (backoff). No TTL, as above. */
    public String pendingOrderChecks() {
        return prefix + ":orders:pending:checks";
    }

    /** Hash of pending order id -> when it was first seen paid (epoch ms), to notice a stalled renewal. No TTL, as above. */
    public String pendingOrdersPaidAt() {
        return prefix + ":orders:pending:paid";
    }

    /**
     * Hash of Telegram charge id -> the payment, for payments Telegram took that billing has not booked yet. No TTL:
     * money was taken, so an entry leaves only once billing has answered for it.
     */
    public String unreportedTelegramPayments() {
        return prefix + ":payments:telegram:unreported";
    }

    /**
     * Set when a Telegram charge is first received, so a redelivered {@code successful_payment} (after a crash, or
     * handed over twice) is recognised after billing answered and the unreported entry is gone. TTL 7 days.
     */
    public String telegramChargeSeen(String chargeId) {
        return prefix + ":payments:telegram:charge:" + chargeId + ":seen";
    }

    /** The chat's open support ticket number; no TTL while the ticket is open, deleted when it closes. */
    public String chatTicket(long chatId) {
        return prefix + ":chat:{" + chatId + "}:ticket";
    }

    /** The ticket staff last closed for this chat, so the user's rating finds it; TTL one day. */
    public String closedTicket(long chatId) {
        return prefix + ":chat:{" + chatId + "}:ticket:closed";
    }

    /**
     * The billing sandbox's order numbers: INCR, never reset, so an order id is never given twice on one Redis, across
     * restarts and instances (the bot's marks about an order live 90 days). No TTL for that reason; a few bytes.
     */
    public String sandboxOrderSequence() {
        return prefix + ":sandbox:orders:seq";
    }

    /** Ticket numbers: INCR, never reset, so a number is never given twice. */
    public String ticketSequence() {
        return prefix + ":support:tickets:seq";
    }

    /** Hash of one ticket (chat, topic, status, times); no TTL while open, 30 days once closed. */
    public String ticket(long number) {
        return prefix + ":support:ticket:" + number;
    }

    /** Forum topic id in the staff group -> ticket number; no TTL while open, 30 days once closed. */
    public String topicTicket(int topicId) {
        return prefix + ":support:topic:" + topicId;
    }

    /** Staff group message id -> ticket number (reply mode: a reply to it goes to that ticket's user); 30 days. */
    public String staffMessageTicket(int messageId) {
        return prefix + ":support:message:" + messageId;
    }

    /**
     * Sorted set of open ticket numbers by the time the user has been waiting since (epoch ms; +inf once an agent
     * answered). No TTL: a work list, members leave when the ticket closes.
     */
    public String openTickets() {
        return prefix + ":support:tickets:open";
    }

    /**
     * Set by the one instance that acts on a staff group message (relay, /close), so an update delivered to two
     * instances is acted on once; TTL a minute while claimed, one day once done (far past any redelivery).
     */
    public String staffMessageHandled(int messageId) {
        return prefix + ":support:message:" + messageId + ":handled";
    }

    /** Set while a ticket's bump is recent, so one bump per interval across instances; TTL = the bump interval. */
    public String ticketBumped(long number) {
        return prefix + ":support:ticket:" + number + ":bumped";
    }

    /**
     * Whether the user blocked the bot (Telegram answered 403): notices to the chat are skipped. TTL 180 days: the
     * mark is lifted when the user writes again; should it lapse first, one more notice meets a 403 and renews it.
     */
    public String blockedChat(long chatId) {
        return prefix + ":chat:{" + chatId + "}:blocked";
    }

    // Notices: every key shares the hash tag {notices}, so the scripts that touch the queue, a notice's state and
    // the limiter together work on Redis Cluster too.

    /**
     * The notice send queue, a stream read by the consumer group of the senders. No TTL: it is a work queue; an entry
     * is deleted as soon as it is acknowledged (sent, or ended for good).
     */
    public String noticeQueue() {
        return prefix + ":notices:{notices}:queue";
    }

    /**
     * One notice's state by its dedupe id: queued, then sent, blocked or failed. Makes enqueueing idempotent and keeps
     * a taken-over entry from being sent twice. TTL chosen by whoever enqueues (past the eSIM's expiry, say).
     */
    public String notice(String noticeId) {
        return prefix + ":notices:{notices}:notice:" + noticeId;
    }

    /** The global send rate limiter (GCRA: the theoretical arrival time). TTL just past that time, so it lapses when idle. */
    public String noticeRate() {
        return prefix + ":notices:{notices}:rate";
    }

    /**
     * The moments (µs, Redis's clock) of the messages let through in the last second, so that no second holds more
     * than the rate. TTL 2 s, renewed with each message: it lapses when the senders are idle.
     */
    public String noticeWindow() {
        return prefix + ":notices:{notices}:window";
    }

    /** Set when Telegram answered 429: every sender waits until it lapses. TTL = Telegram's retry_after. */
    public String noticePause() {
        return prefix + ":notices:{notices}:pause";
    }

    /** Set for a chat when a notice to it is let through, so a chat gets at most one a second. TTL = that gap (1 s). */
    public String noticeChatGap(long chatId) {
        return prefix + ":notices:{notices}:chat:" + chatId;
    }

    /**
     * Hash tag {notices} like the queue: the sorted set of held notices (member: notice id, score: when it is due,
     * epoch ms), waiting out quiet hours or an open support ticket. No TTL: a work list, members leave when released.
     */
    public String heldNotices() {
        return prefix + ":notices:{notices}:held";
    }

    /**
     * Taken by the instance that runs this tick's scheduled expiry scan, so the others skip it. TTL 50 s, never
     * released: instances whose clocks differ by less than that still scan once per tick.
     */
    public String noticeScanLease() {
        return prefix + ":notices:{notices}:scan-lease";
    }

    /** Hash of held notice id -> the notice (JSON), the companion of {@link #heldNotices()}. No TTL for the same reason. */
    public String heldNoticeBodies() {
        return prefix + ":notices:{notices}:held:bodies";
    }

    /**
     * When an eSIM was last renewed or set to auto-renew (epoch ms), by its hashed key: its notices made before then are
     * skipped; {@code <ms>:awaiting} while a paid renewal is not applied: all are. TTL 7 days, longer than any notice
     * waits.
     */
    public String noticeCovered(String esimKey) {
        return prefix + ":notices:{notices}:covered:" + esimKey;
    }

    /** Set while the user has turned expiry notices off. No TTL: the user's own choice, deleted when turned on again. */
    public String noticesOff(long chatId) {
        return prefix + ":chat:{" + chatId + "}:notices:off";
    }

    // Announcements: the keys of one announcement share the hash tag {<id>}, so the scripts that touch its state and
    // its recipients together work on Redis Cluster too.

    /**
     * Sorted set of the private chats that talked to the bot in one language (member and score: the chat id, so the
     * fan-out pages it by chat id and can resume after the last one). No TTL: these are the bot's users; one who
     * left is skipped through {@link #blockedChat}.
     */
    public String audience(String language) {
        return prefix + ":audience:{audience}:" + language;
    }

    /** Announcement ids: INCR, never reset, so an id (and so a notice id) is never given twice. */
    public String announcementSequence() {
        return prefix + ":announce:seq";
    }

    /** Hash of one announcement: texts, audience, fan-out cursors and the outcome counts. TTL 30 days. */
    public String announcement(long id) {
        return prefix + ":announce:{" + id + "}:state";
    }

    /** Hash of one announcement's recipients: chat id -> QUEUED, SENT, BLOCKED or FAILED. TTL 30 days, as above. */
    public String announcementRecipients(long id) {
        return prefix + ":announce:{" + id + "}:recipients";
    }

    /** Held by the instance running an announcement's fan-out; TTL a short lease, renewed after each page. */
    public String announcementLease(long id) {
        return prefix + ":announce:{" + id + "}:lease";
    }

    /** Set of announcements still fanning out or sending. No TTL: a work list, members leave when done. */
    public String activeAnnouncements() {
        return prefix + ":announce:active";
    }

    /** An /announce waiting for its Confirm in the staff group; TTL 1 hour (an unconfirmed draft lapses). */
    public String announcementDraft(String token) {
        return prefix + ":announce:draft:" + token;
    }

    /** Admin API calls of one client in one minute (fixed window); TTL 1 minute. */
    public String adminRequests(String client, long minute) {
        return prefix + ":admin:requests:" + client + ":" + minute;
    }

    /**
     * Sorted set of free texts the bot did not understand, in one language ({@code en}, {@code zh}): member = the text
     * normalised with e-mails and numbers masked, score = how often. TTL {@code UNDERSTANDING_UNANSWERED_TTL}
     * (30 days), renewed by each new one: it is for the shop to read and add articles.
     */
    public String unansweredTexts(String language) {
        return prefix + ":understanding:unanswered:" + language;
    }

    // Incoming updates: one stream per partition. The keys of one partition share the hash tag {updates-<n>}, so the
    // scripts that touch a partition's stream and lease together work on Redis Cluster too, and partitions spread
    // over the cluster's slots.

    /**
     * The updates of one partition not handled yet, oldest first (fields: chat id, update JSON). No TTL: it is a work
     * queue; an entry is deleted (XDEL) as soon as its update has been handled.
     */
    public String updateStream(int partition) {
        return prefix + ":updates:{updates-" + partition + "}:stream";
    }

    /** The instance that owns the partition (its id); TTL = the lease, renewed while the instance lives. */
    public String updateLease(int partition) {
        return prefix + ":updates:{updates-" + partition + "}:lease";
    }

    /**
     * Sorted set of live instances (member: instance id, score: when its heartbeat lapses, epoch ms), to work out each
     * one's fair share of partitions. No TTL: members past their score are removed by every heartbeat.
     */
    public String updateInstances() {
        return prefix + ":updates:instances";
    }
}
