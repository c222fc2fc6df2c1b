package dev.esimbot.conversation;

import dev.esimbot.billing.BillingUnavailableException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.Order;
import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Opening a ticket with a person, ending it, and rating it. Without a staff group (or when it cannot be reached) the
 * user gets the fallback contact and stays where they were.
 */
@Component
class SupportSteps {

    private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("EEE HH:mm");

    private final SupportDesk desk;
    private final Texts texts;
    private final Words words;
    private final ConversationProperties properties;

    SupportSteps(SupportDesk desk, Texts texts, Words words, ConversationProperties properties) {
        this.desk = desk;
        this.texts = texts;
        this.words = words;
        this.properties = properties;
    }

    void open(Turn turn, JourneyState target) {
        String contact = Screens.escape(properties.supportContact());
        if (!desk.available()) {
            turn.body("support.contact", contact);
            turn.state = turn.startState;
            return;
        }
        OptionalLong number = desk.open(new SupportDesk.TicketRequest(turn.chatId, turn.firstName, turn.language(),
                card(turn)));
        if (number.isEmpty()) {
            turn.body("support.unavailable", contact);
            turn.state = turn.startState;
            return;
        }
        turn.context.leaveFlow();
        turn.context.ticket(Long.toString(number.getAsLong()));
        turn.state = target;
        desk.nextOpening().ifPresent(opening -> turn.body("support.opened-offline", number.getAsLong(),
                OPENING.withLocale(turn.language().locale()).format(opening), opening.getZone().getId()));
    }

    /** /cancel while a ticket is open ends it for staff too. */
    void closeByUser(Turn turn) {
        desk.closeByUser(turn.chatId);
        turn.context.ticket(null);
        turn.notice("support.closed-by-you");
    }

    void rate(Turn turn, JourneyState target, String stars) {
        if (stars.matches("[1-5]")) {
            desk.rate(turn.chatId, Integer.parseInt(stars));
            turn.notice("support.thanks");
        }
        turn.context.ticket(null);
        turn.state = target;
    }

    /** What staff see first: who, in which language, where the conversation stood, the eSIMs and the last order. */
    private String card(Turn turn) {
        Language staff = desk.staffLanguage();
        StringBuilder card = new StringBuilder(texts.get(staff, "card.title",
                Screens.escape(turn.firstName == null ? "?" : turn.firstName), turn.chatId,
                texts.get(staff, "language." + turn.language().name()), texts.get(staff, "card.state." + turn.startState.name())));
        try {
            List<Esim> esims = turn.esims();
            card.append('\n').append(texts.get(staff, esims.isEmpty() ? "card.no-esims" : "card.esims"));
            esims.forEach(esim -> card.append('\n').append(words.menuLine(esim, staff)));
            List<Order> orders = turn.billing().orders(turn.customerId(), 1);
            card.append('\n').append(orders.isEmpty() ? texts.get(staff, "card.no-order")
                    : texts.get(staff, "card.last-order", words.orderLine(orders.get(0), staff)));
        } catch (BillingUnavailableException e) {
            card.append('\n').append(texts.get(staff, "card.billing-down"));
        }
        return card.toString();
    }
}
