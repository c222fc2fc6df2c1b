package dev.esimbot.understanding;

import dev.esimbot.i18n.Language;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/unanswered?language=zh&limit=50}: the texts the bot did not understand, most frequent first.
 * Behind the admin API's bearer token ({@code ADMIN_TOKEN}), like every {@code /admin/**} path.
 */
@RestController
@RequestMapping("/admin/unanswered")
class UnansweredController {

    private static final int MAX_LIMIT = 500;

    record Listing(String language, List<UnansweredTexts.Unanswered> texts) {
    }

    private final UnansweredTexts unanswered;

    UnansweredController(UnansweredTexts unanswered) {
        this.unanswered = unanswered;
    }

    @GetMapping
    ResponseEntity<?> list(@RequestParam(defaultValue = "en") String language, @RequestParam(defaultValue = "50") int limit) {
        String wanted = language.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("en") && !wanted.equals("zh") || limit < 1 || limit > MAX_LIMIT) {
            return ResponseEntity.badRequest().body(new Problem("bad_request",
                    "language must be en or zh, limit 1-" + MAX_LIMIT));
        }
        Language lang = Language.valueOf(wanted.toUpperCase(Locale.ROOT));
        return ResponseEntity.ok(new Listing(wanted, unanswered.top(lang, limit)));
    }

    record Problem(String code, String message) {
    }
}
