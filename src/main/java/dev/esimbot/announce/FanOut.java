package dev.esimbot.announce;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.conversation.Reply;
import dev.esimbot.i18n.Language;
import dev.esimbot.notices.Notice;
import dev.esimbot.notices.NoticeQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * Queues one notice per recipient of an announcement, a page of the audience at a time. Resumable: the last chat
 * reached is stored after each page, and a page done again (after a crash before its cursor was stored) queues
 * nothing twice, since recipients and notice ids are recorded once. A lease keeps two instances from doing the work
 * at the same time; should both, still nothing goes twice.
 */
final class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final Announcements store;
    private final Audience audience;
    private final NoticeQueue queue;
    private final BillingClient billing;
    private final AnnounceProperties settings;
    private final String holder;

    FanOut(Announcements store, Audience audience, NoticeQueue queue, BillingClient billing,
           AnnounceProperties settings, String holder) {
        this.store = store;
        this.audience = audience;
        this.queue = queue;
        this.billing = billing;
        this.settings = settings;
        this.holder = holder;
    }

    /** Runs the fan-out from where it stood to the end; false when another instance holds it. */
    boolean run(Announcement announcement) {
        long cursor = store.cursor(announcement.id());
        while (true) {
            if (!store.lease(announcement.id(), holder)) {
                log.info("announcement={} fan-out is held by another instance", announcement.id());
                return false;
            }
            List<Reached> page = page(cursor);
            for (Reached chat : page) {
                if (reaches(announcement, chat.chatId())) {
                    store.addRecipient(announcement.id(), chat.chatId());
                    queue.enqueue(notice(announcement, chat.language(), chat.chatId()), settings.rememberFor());
                }
            }
            if (page.size() < settings.page()) {
                break;
            }
            cursor = page.get(page.size() - 1).chatId();
            store.cursor(announcement.id(), cursor);
        }
        store.fannedOut(announcement.id());
        store.release(announcement.id(), holder);
        log.info("announcement={} fanned out", announcement.id());
        return true;
    }

    /** A chat of the audience and the language it had when the fan-out reached it. */
    private record Reached(long chatId, Language language) {
    }

    /**
     * The next chats after the cursor over every language's set, in chat id order. One cursor for all languages, so
     * a chat that switches language meanwhile is reached once: before the cursor passed it, in whichever set it is
     * then. (A cursor per language would miss a chat moving into a language already done from one not yet begun.)
     */
    private List<Reached> page(long cursor) {
        List<Reached> merged = new ArrayList<>();
        for (Language language : Language.values()) {
            audience.page(language, cursor, settings.page()).forEach(chat -> merged.add(new Reached(chat, language)));
        }
        merged.sort(Comparator.comparingLong(Reached::chatId));
        return merged.size() > settings.page() ? merged.subList(0, settings.page()) : merged;
    }

    /**
     * Everyone, or the owners of an eSIM in the region (asked of billing, the one that knows; a customer billing does
     * not know has none). Billing unreachable stops the fan-out here; it resumes from this page later.
     */
    private boolean reaches(Announcement announcement, long chatId) {
        if (announcement.toAll()) {
            return true;
        }
        try {
            return billing.esims(chatId).stream().anyMatch(esim -> announcement.audience().equalsIgnoreCase(esim.region()));
        } catch (BillingRejectedException e) {
            return false;
        }
    }

    /** The admin's words as plain text (never markup), in the chat's language or the other when only one was given. */
    private static Notice notice(Announcement announcement, Language language, long chatId) {
        String text = HtmlUtils.htmlEscape(announcement.text(language), "UTF-8");
        return new Notice(announcement.noticeId(chatId), chatId, new Reply(text, List.of()));
    }
}
