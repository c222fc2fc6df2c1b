package dev.esimbot.conversation;

import dev.esimbot.billing.Esim;
import dev.esimbot.i18n.Formats;
import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The text and buttons of an expiry notice, for the notices feature to send. Its buttons carry no screen version
 * (a notice is not a screen and stays valid while newer screens come and go), so they are of their own form (see
 * {@link CallbackData#ofNotice}) and only ever do what the user could do anyway, for an eSIM billing says is theirs.
 */
@Component
public class NoticeReplies {

    private final Texts texts;
    private final Words words;
    private final Formats formats;

    NoticeReplies(Texts texts, Words words, Formats formats) {
        this.texts = texts;
        this.words = words;
        this.formats = formats;
    }

    /** Which eSIM (name and ICCID tail), what is left, when it ends; with Renew now, auto-renew and Stop. */
    public Reply expiry(Language language, Esim esim, String headlineKey) {
        String text = texts.get(language, headlineKey) + "\n\n" + texts.get(language, "notice.details", words.label(esim),
                formats.data(esim.dataLeftMb()), formats.data(esim.dataTotalMb()), formats.dateTime(esim.validUntil()))
                + "\n\n" + texts.get(language, "notice.footer");
        List<List<Button>> rows = List.of(
                List.of(button(language, "btn.notice-renew", JourneyEvent.NOTICE_RENEW, esim.iccid())),
                List.of(button(language, "btn.notice-auto-renew", JourneyEvent.NOTICE_AUTO_RENEW, esim.iccid())),
                List.of(button(language, "btn.notice-stop", JourneyEvent.NOTICE_STOP, "")));
        return new Reply(text, rows);
    }

    private Button button(Language language, String key, JourneyEvent event, String iccid) {
        return Button.callback(texts.get(language, key), CallbackData.ofNotice(event, iccid).encode());
    }
}
