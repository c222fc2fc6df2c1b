package dev.esimbot.support;

import dev.esimbot.conversation.SupportDesk;
import dev.esimbot.i18n.Language;
import dev.esimbot.i18n.Texts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The user's side of a ticket. In a forum group each ticket gets its own topic, opened by the context card; in a
 * group without topics the card and every copied message are mapped to the ticket so that agents answer by replying.
 */
@Component
class TicketDesk implements SupportDesk {

    private static final Logger log = LoggerFactory.getLogger(TicketDesk.class);
    private static final int MAX_TOPIC_NAME = 128;

    private final SupportProperties properties;
    private final StaffChannel channel;
    private final Tickets tickets;
    private final Texts texts;
    private final Clock clock;
    private final Counter unavailable;

    TicketDesk(SupportProperties properties, StaffChannel channel, Tickets tickets, Texts texts, Clock clock,
               MeterRegistry meters) {
        this.properties = properties;
        this.channel = channel;
        this.tickets = tickets;
        this.texts = texts;
        this.clock = clock;
        this.unavailable = meters.counter("bot.support.unavailable");
    }

    @Override
    public boolean available() {
        return properties.staffChat() != null;
    }

    @Override
    public Optional<ZonedDateTime> nextOpening() {
        return properties.workingHours().nextOpening(clock.instant());
    }

    @Override
    public Language staffLanguage() {
        return properties.language();
    }

    @Override
    public OptionalLong open(TicketRequest request) {
        long staff = properties.staffChat();
        Boolean forum = channel.forum(staff);
        if (forum == null) {
            return unavailable(request, "the staff group cannot be reached");
        }
        long number = tickets.nextNumber();
        Integer topic = null;
        if (forum) {
            String name = texts.get(staffLanguage(), "staff.topic-name", number, request.firstName() == null ? "" : request.firstName());
            topic = channel.createTopic(staff, name.length() > MAX_TOPIC_NAME ? name.substring(0, MAX_TOPIC_NAME) : name);
            if (topic == null) {
                return unavailable(request, "no topic could be created");
            }
        }
        Integer card = channel.post(staff, topic, texts.get(staffLanguage(), "staff.ticket-opened", number) + "\n" + request.card());
        if (card == null) {
            return unavailable(request, "the context card could not be posted");
        }
        tickets.open(number, request.chatId(), topic, request.language());
        tickets.mapStaffMessage(card, number);
        log.info("chat={} ticket {} opened ({})", request.chatId(), number, forum ? "topic " + topic : "reply mode");
        return OptionalLong.of(number);
    }

    private OptionalLong unavailable(TicketRequest request, String why) {
        unavailable.increment();
        log.error("chat={} ticket not opened: {}", request.chatId(), why);
        return OptionalLong.empty();
    }

    @Override
    public boolean relay(long chatId, int messageId) {
        return tickets.forChat(chatId).map(ticket -> {
            Integer copy = channel.copy(chatId, messageId, properties.staffChat(), ticket.topicId());
            if (copy != null) {
                tickets.mapStaffMessage(copy, ticket.number());
                tickets.waiting(ticket.number());
            }
            return copy != null;
        }).orElse(false);
    }

    @Override
    public void closeByUser(long chatId) {
        tickets.close(chatId).ifPresent(ticket -> {
            post(ticket, texts.get(staffLanguage(), "staff.closed-by-user", ticket.number()));
            log.info("chat={} ticket {} closed by the user", chatId, ticket.number());
        });
    }

    @Override
    public void rate(long chatId, int stars) {
        // The ticket has just been closed by staff; its number was kept in the user's context for this.
        tickets.lastClosed(chatId).ifPresent(ticket ->
                post(ticket, texts.get(staffLanguage(), "staff.rating", ticket.number(), stars)));
    }

    void post(Ticket ticket, String html) {
        Integer posted = channel.post(properties.staffChat(), ticket.topicId(), html);
        if (posted != null) {
            tickets.mapStaffMessage(posted, ticket.number());
        }
    }
}
