package dev.esimbot.telegram;

import dev.esimbot.conversation.Reply;
import dev.esimbot.support.StaffChannel;
import java.util.List;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The staff supergroup through the Bot API: topics, posts and anonymous copies. */
@Component
class TelegramStaffChannel implements StaffChannel {

    private final TelegramClient client;
    private final BotCalls calls;

    TelegramStaffChannel(TelegramClient client, TelegramProperties properties, TelegramHealth health) {
        this.client = client;
        this.calls = new BotCalls(properties, health.contact());
    }

    /** Asked at every ticket: topics can be switched on or off at any time, and a ticket is rare enough. */
    @Override
    public Boolean forum(long staffChat) {
        ChatFullInfo chat = calls.call(staffChat, "getChat",
                () -> client.execute(GetChat.builder().chatId(staffChat).build()));
        return chat == null ? null : Boolean.TRUE.equals(chat.getIsForum());
    }

    @Override
    public Integer createTopic(long staffChat, String name) {
        ForumTopic topic = calls.call(staffChat, "createForumTopic",
                () -> client.execute(CreateForumTopic.builder().chatId(staffChat).name(name).build()));
        return topic == null ? null : topic.getMessageThreadId();
    }

    @Override
    public Integer post(long staffChat, Integer topicId, String html) {
        SendMessage message = TelegramMessenger.sendMessage(staffChat, new Reply(html, List.of()));
        message.setMessageThreadId(topicId);
        Message sent = calls.call(staffChat, "sendMessage", () -> client.execute(message));
        return sent == null ? null : sent.getMessageId();
    }

    @Override
    public Integer copy(long fromChat, int messageId, long toChat, Integer topicId) {
        return copy(CopyMessage.builder().chatId(toChat).fromChatId(fromChat).messageId(messageId)
                .messageThreadId(topicId).build());
    }

    @Override
    public Integer copyWithCaption(long fromChat, int messageId, long toChat, String captionHtml) {
        return copy(CopyMessage.builder().chatId(toChat).fromChatId(fromChat).messageId(messageId)
                .caption(captionHtml).parseMode("HTML").build());
    }

    private Integer copy(CopyMessage copy) {
        long toChat = Long.parseLong(copy.getChatId());
        MessageId copied = calls.call(toChat, "copyMessage", () -> client.execute(copy));
        return copied == null ? null : Math.toIntExact(copied.getMessageId());
    }
}
