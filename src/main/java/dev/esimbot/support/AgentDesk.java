package dev.esimbot.support;

import dev.esimbot.conversation.Handoffs;
import dev.esimbot.i18n.Texts;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The staff side: a message in a ticket's topic (or a reply to one of its messages) goes to the ticket's user as a
 * copy without the agent's name (unless SUPPORT_SHOW_AGENT_NAME); one that starts with {@code #} is an internal note; {@code /close} ends the ticket.
 * Only messages of the configured staff group arrive here, so only its members act as agents.
 */
@Component
public class AgentDesk {

    private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

    private final SupportProperties properties;
    private final StaffChannel channel;
    private final Tickets tickets;
    private final TicketDesk desk;
    private final Handoffs handoffs;
    private final Texts texts;

    AgentDesk(SupportProperties properties, StaffChannel channel, Tickets tickets, TicketDesk desk, Handoffs handoffs,
              Texts texts) {
        this.properties = properties;
        this.channel = channel;
        this.tickets = tickets;
        this.desk = desk;
        this.handoffs = handoffs;
        this.texts = texts;
    }

    public void handle(StaffMessage message) {
        if (message.fromBot() || !Long.valueOf(message.chatId()).equals(properties.staffChat())) {
            return;
        }
        Optional<Ticket> ticket = ticketOf(message).filter(Ticket::open);
        if (ticket.isEmpty()) {
            log.debug("staff message {} belongs to no open ticket", message.messageId());
            return;
        }
        String text = message.text() == null ? "" : message.text().strip();
        if (text.startsWith("#")) {
            return; // an agent's note stays in the group
        }
        Tickets.Claim claim = tickets.claimStaffMessage(message.messageId());
        if (claim == Tickets.Claim.DONE) {
            log.info("ticket {} agent message {} already handled", ticket.get().number(), message.messageId());
            return;
        }
        if (claim == Tickets.Claim.IN_FLIGHT) {
            throw new StaffMessageInFlight(message.messageId()); // kept: relayed once its claim is done or lapses
        }
        act(message, ticket.get(), text);
        tickets.staffMessageDone(message.messageId());
    }

    private void act(StaffMessage message, Ticket ticket, String text) {
        if (isClose(text)) {
            close(ticket);
            return;
        }
        Integer copy = relay(message, ticket);
        if (copy == null) {
            desk.post(ticket, texts.get(properties.language(), "staff.not-delivered", ticket.number()));
        } else {
            tickets.answered(ticket.number());
        }
        log.info("ticket {} agent message {} {}", ticket.number(), message.messageId(),
                copy == null ? "not delivered" : "relayed");
    }

    /**
     * The agent's answer as the user gets it: a copy from the bot, or, with SUPPORT_SHOW_AGENT_NAME, signed with the
     * agent's first name (a text as a new message, media copied with the signature in the caption).
     */
    private Integer relay(StaffMessage message, Ticket ticket) {
        String name = message.fromFirstName();
        if (!properties.showAgentName() || name == null || name.isBlank()) {
            return channel.copy(message.chatId(), message.messageId(), ticket.chatId(), null);
        }
        String signature = texts.get(ticket.language(), "support.agent-signature", escape(name));
        if (!message.media()) {
            return channel.post(ticket.chatId(), null, signature + "\n" + escape(message.text()));
        }
        String caption = message.text() == null ? signature : signature + "\n" + escape(message.text());
        Integer copy = channel.copyWithCaption(message.chatId(), message.messageId(), ticket.chatId(), caption);
        // Some media (stickers) take no caption: they still reach the user, unsigned.
        return copy != null ? copy : channel.copy(message.chatId(), message.messageId(), ticket.chatId(), null);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private Optional<Ticket> ticketOf(StaffMessage message) {
        if (message.topicId() != null) {
            Optional<Ticket> inTopic = tickets.forTopic(message.topicId());
            if (inTopic.isPresent()) {
                return inTopic;
            }
        }
        return message.replyToMessageId() == null ? Optional.empty() : tickets.forStaffMessage(message.replyToMessageId());
    }

    private void close(Ticket ticket) {
        tickets.close(ticket.chatId());
        tickets.rememberClosed(ticket);
        handoffs.closedByStaff(ticket.chatId());
        desk.post(ticket, texts.get(properties.language(), "staff.closed", ticket.number()));
        log.info("ticket {} closed by staff", ticket.number());
    }

    private static boolean isClose(String text) {
        String command = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return command.equals("/close") || command.startsWith("/close@");
    }
}
