package dev.esimbot.announce;

import dev.esimbot.i18n.Language;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API of announcements (behind {@link AdminGuard}): start one, and follow its progress. */
@RestController
@RequestMapping("/admin/announcements")
class AnnouncementController {

    /** Telegram's limit on a message's text. */
    private static final int MAX_TEXT = 4096;

    /** @param text the text per language ({@code en}, {@code zh}); one alone goes to both */
    record NewAnnouncement(Map<String, String> text, String audience) {
    }

    record Started(long id, String progress) {
    }

    record Problem(String code, String message) {
    }

    private final Announcer announcer;
    private final Announcements store;

    AnnouncementController(Announcer announcer, Announcements store) {
        this.announcer = announcer;
        this.store = store;
    }

    @PostMapping
    ResponseEntity<Started> start(@RequestBody NewAnnouncement request) {
        Map<Language, String> texts = texts(request.text());
        String audience = request.audience() == null || request.audience().isBlank() ? Announcement.ALL
                : request.audience().strip();
        Announcement started = announcer.start(texts, audience, null);
        URI progress = URI.create("/admin/announcements/" + started.id());
        return ResponseEntity.accepted().location(progress).body(new Started(started.id(), progress.toString()));
    }

    @GetMapping("/{id}")
    ResponseEntity<Progress> progress(@PathVariable long id) {
        return ResponseEntity.of(store.progress(id));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Problem> invalid(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Problem("invalid_request", e.getMessage()));
    }

    private static Map<Language, String> texts(Map<String, String> given) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        if (given != null) {
            given.forEach((code, text) -> {
                Language language = switch (code.toLowerCase(Locale.ROOT)) {
                    case "en" -> Language.EN;
                    case "zh" -> Language.ZH;
                    default -> throw new IllegalArgumentException("text languages are en and zh, not " + code);
                };
                if (text != null && !text.isBlank()) {
                    if (text.length() > MAX_TEXT) {
                        throw new IllegalArgumentException("a text may have at most " + MAX_TEXT + " characters");
                    }
                    texts.put(language, text.strip());
                }
            });
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("text needs at least one of en, zh, e.g. {\"text\":{\"en\":\"...\"}}");
        }
        return texts;
    }
}
