package dev.esimbot.sandbox;

import dev.esimbot.billing.Iccids;
import dev.esimbot.billing.Order;
import dev.esimbot.billing.OrderStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The sandbox payment page: self-contained HTML (no CDN), texts from {@code i18n/sandbox_*.properties}. */
@Component
@ConditionalOnSandbox
class CheckoutPage {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}"
            + "main{max-width:28rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:12px}"
            + ".note{color:#8a6d00;background:#fff7d6;padding:.5rem;border-radius:6px}"
            + "dt{color:#666;font-size:.85rem}dd{margin:0 0 .75rem;font-weight:600}"
            + "button{font-size:1rem;padding:.6rem 1.2rem;border:0;border-radius:8px;margin-right:.5rem}"
            + ".pay{background:#1a7f37;color:#fff}.decline{background:#e5e7eb}.result{font-size:1.1rem}";

    private final MessageSource messages;

    CheckoutPage(MessageSource messages) {
        this.messages = messages;
    }

    /** Chinese for any {@code zh*} choice, else English; {@code ?lang=} wins over Accept-Language. */
    static Locale locale(String lang, String acceptLanguage) {
        String choice = lang;
        if (choice == null && acceptLanguage != null) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                choice = ranges.isEmpty() ? null : ranges.get(0).getRange();
            } catch (IllegalArgumentException ex) {
                choice = null;
            }
        }
        boolean chinese = choice != null && choice.toLowerCase(Locale.ROOT).startsWith("zh");
        return chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    String render(Order order, Locale locale) {
        String amount = order.amount().decimal().toPlainString() + " " + order.amount().currency();
        String details = "<dl>" + item("order", order.id(), locale) + item("plan", order.planName(), locale)
                + item("esim", Iccids.mask(order.iccid()), locale) + item("amount", amount, locale)
                + (order.newValidUntil() == null ? "" : item("validUntil", UTC.format(order.newValidUntil()), locale))
                + "</dl>";
        String action = order.status() == OrderStatus.AWAITING_PAYMENT ? form(order, locale)
                : "<p class=\"result\" id=\"result\" data-status=\"" + order.status() + "\">"
                        + text("sandbox.checkout.status." + order.status(), locale) + "</p>";
        return page(locale, details + action);
    }

    String notFound(Locale locale) {
        return page(locale, "<p class=\"result\">" + text("sandbox.checkout.notFound", locale) + "</p>");
    }

    private String form(Order order, Locale locale) {
        return "<form method=\"post\" action=\"" + SandboxUrls.CHECKOUT_PATH + escape(order.id()) + "\">"
                + "<input type=\"hidden\" name=\"lang\" value=\"" + locale.toLanguageTag() + "\">"
                + "<button class=\"pay\" name=\"outcome\" value=\"paid\">" + text("sandbox.checkout.pay", locale)
                + "</button><button class=\"decline\" name=\"outcome\" value=\"declined\">"
                + text("sandbox.checkout.decline", locale) + "</button></form>";
    }

    private String page(Locale locale, String content) {
        return "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text("sandbox.checkout.title", locale) + "</title><style>" + STYLE + "</style></head>"
                + "<body><main><h1>" + text("sandbox.checkout.title", locale) + "</h1><p class=\"note\">"
                + text("sandbox.checkout.notice", locale) + "</p>" + content + "</main></body></html>";
    }

    private String item(String key, String value, Locale locale) {
        return "<dt>" + text("sandbox.checkout." + key, locale) + "</dt><dd>" + escape(value) + "</dd>";
    }

    private String text(String key, Locale locale) {
        return escape(messages.getMessage(key, null, locale));
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
