package dev.esimbot.announce;

import dev.esimbot.conversation.Button;
import dev.esimbot.conversation.Messenger;
import dev.esimbot.conversation.Reply;
import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import dev.esimbot.session.RedisKeys;
import dev.esimbot.support.StaffMessage;
import dev.esimbot.support.SupportProperties;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@code /announce} in the staff group, by a user in {@code BOT_ADMIN_IDS}: a preview with Confirm and Cancel, then
 * the same announcement as the admin API starts, with its progress edited into the preview message. Anyone else's
 * {@code /announce}, and a Confirm tapped by anyone else, is ignored (and logged with the user id).
 */
@Component
public class StaffAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(StaffAnnouncer.class);
    private static final Duration DRAFT_TTL = Duration.ofHours(1);
    private static final String CONFIRM = "ann:go:";
    private static final String CANCEL = "ann:no:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<Long> admins;
    private final SupportProperties support;
    private final Messenger messenger;
    private final Texts texts;
    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Audience audience;
    private final Announcer announcer;
    private final Announcements store;

    StaffAnnouncer(AnnounceProperties settings, SupportProperties support, Messenger messenger, Texts texts,
                   UnifiedJedis redis, RedisKeys keys, Audience audience, Announcer announcer, Announcements store) {
        this.store = store;
        this.admins = settings.admins();
        this.support = support;
        this.messenger = messenger;
        this.texts = texts;
        this.redis = redis;
        this.keys = keys;
        this.audience = audience;
        this.announcer = announcer;
    }

    /** True when the message was an {@code /announce} (handled or ignored here), false when it is for the agents. */
    public boolean handle(StaffMessage message) {
        String text = message.text() == null ? "" : message.text().strip();
        String command = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!command.equals("/announce") && !command.startsWith("/announce@")) {
            return false;
        }
        if (message.fromBot() || !admins.contains(message.fromUserId())) {
            log.info("/announce by user={} ignored: not in BOT_ADMIN_IDS", message.fromUserId());
            return true;
        }
        Map<Language, String> parsed = AnnounceText.parse(text.substring(command.length()));
        if (parsed.isEmpty()) {
            messenger.send(message.chatId(), new Reply(staffText("announce.usage"), List.of()));
            return true;
        }
        String token = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        redis.set(keys.announcementDraft(token), AnnounceText.encode(parsed), SetParams.setParams().ex(DRAFT_TTL.toSeconds()));
        messenger.send(message.chatId(), preview(parsed, token));
        log.info("/announce by user={}: preview {} posted", message.fromUserId(), token);
        return true;
    }

    /** Confirm or Cancel under a preview; any other tap in the staff group is not ours and is only answered. */
    public void tapped(StaffTap tap) {
        messenger.answerCallback(tap.callbackId());
        boolean confirm = tap.data().startsWith(CONFIRM);
        if (!confirm && !tap.data().startsWith(CANCEL) || tap.messageId() == null) {
            return;
        }
        if (!admins.contains(tap.fromUserId())) {
            log.warn("announcement button tapped by user={} ignored: not in BOT_ADMIN_IDS", tap.fromUserId());
            return;
        }
        String key = keys.announcementDraft(tap.data().substring(CONFIRM.length()));
        String draft = redis.get(key);
        if (draft == null || redis.del(key) == 0) {
            // Deleting is the claim: of two taps (or instances) only one finds the draft. The message is left as it
            // is (it may show the progress by now); a note says why nothing happened.
            log.info("announcement preview tapped by user={} was already handled or has lapsed", tap.fromUserId());
            messenger.send(tap.chatId(), new Reply(staffText("announce.expired"), List.of()));
            return;
        }
        if (!confirm) {
            messenger.edit(tap.chatId(), tap.messageId(), new Reply(staffText("announce.cancelled"), List.of()));
            return;
        }
        Announcement started = announcer.start(AnnounceText.decode(draft), Announcement.ALL, tap.messageId());
        log.info("announcement={} confirmed by user={}", started.id(), tap.fromUserId());
        store.progress(started.id()).ifPresent(progress -> showProgress(started, progress));
    }

    /** Edits the progress into the staff group's message, when there is one and the figures changed. */
    void showProgress(Announcement announcement, Progress progress) {
        Long staffChat = support.staffChat();
        if (announcement.staffMessage() == null || staffChat == null) {
            return;
        }
        String text = staffText("announce.progress", announcement.id(), audienceName(announcement), progress.queued(),
                progress.sent(), progress.failed(), progress.blocked(), progress.left(),
                staffText("announce.state." + progress.state()));
        if (store.shown(announcement.id(), text)) {
            messenger.edit(staffChat, announcement.staffMessage(), new Reply(text, List.of()));
        }
    }

    private Reply preview(Map<Language, String> parsed, String token) {
        long chats = audience.size(Language.EN) + audience.size(Language.ZH);
        String text = staffText("announce.preview", chats, escape(parsed.getOrDefault(Language.EN, parsed.get(Language.ZH))),
                escape(parsed.getOrDefault(Language.ZH, parsed.get(Language.EN))));
        return new Reply(text, List.of(List.of(new Button(staffText("announce.confirm"), CONFIRM + token, null),
                new Button(staffText("announce.cancel"), CANCEL + token, null))));
    }

    private String audienceName(Announcement announcement) {
        return announcement.toAll() ? staffText("announce.audience.all") : escape(announcement.audience());
    }

    private String staffText(String key, Object... args) {
        return texts.get(support.language(), key, args);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
