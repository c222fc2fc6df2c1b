package dev.esimbot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberBanned;
import org.telegram.telegrambots.meta.api.objects.message.InaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every builder must produce JSON the library reads into an Update, with the getters a bot relies on. */
class TelegramUpdatesTest {

    private static final TestUser LI = TestUser.chinese(1001, "李雷");
    private static final ObjectMapper LIBRARY_MAPPER = new ObjectMapper();

    @Test
    void textIsAPrivateMessageWithTheUsersLanguage() throws Exception {
        Update update = read(TelegramUpdates.text(1, LI, "你好"));

        assertThat(update.getUpdateId()).isEqualTo(1);
        Message message = update.getMessage();
        assertThat(message.getText()).isEqualTo("你好");
        assertThat(message.getChatId()).isEqualTo(LI.id());
        assertThat(message.isUserMessage()).isTrue();
        assertThat(message.getFrom().getLanguageCode()).isEqualTo("zh-hans");
        assertThat(message.getDate()).isPositive();
    }

    @Test
    void commandCarriesABotCommandEntity() throws Exception {
        Message message = read(TelegramUpdates.command(2, LI, "/start", "renew-8986")).getMessage();

        assertThat(message.getText()).isEqualTo("/start renew-8986");
        assertThat(message.getEntities()).singleElement()
                .satisfies(entity -> assertThat(entity.getText()).isEqualTo("/start"));
        assertThat(message.isCommand()).isTrue();
    }

    /** TelegramBots 10.2.0 quirk: entity texts are filled in by getEntities(), which isCommand() does not call. */
    @Test
    void libraryIsCommandIsFalseUntilEntitiesWereRead() throws Exception {
        Message message = read(TelegramUpdates.command(2, LI, "/start", null)).getMessage();

        assertThat(message.isCommand()).isFalse();
        assertThat(message.getEntities()).isNotEmpty();
        assertThat(message.isCommand()).isTrue();
    }

    @Test
    void callbackCarriesTheBotsMessage() throws Exception {
        Update update = read(TelegramUpdates.callback(3, LI, 17, "renew"));

        assertThat(update.getCallbackQuery().getData()).isEqualTo("renew");
        assertThat(update.getCallbackQuery().getId()).isNotBlank();
        assertThat(update.getCallbackQuery().getChatInstance()).isNotBlank();
        assertThat(update.getCallbackQuery().getMessage()).isInstanceOfSatisfying(Message.class, message -> {
            assertThat(message.getMessageId()).isEqualTo(17);
            assertThat(message.getChatId()).isEqualTo(LI.id());
            assertThat(message.getFrom().getIsBot()).isTrue();
        });
    }

    @Test
    void oldCallbackMessageIsInaccessible() throws Exception {
        Update update = read(TelegramUpdates.callbackInaccessible(4, LI, 17, "renew"));

        assertThat(update.getCallbackQuery().getMessage()).isInstanceOfSatisfying(InaccessibleMessage.class,
                message -> assertThat(message.getChatId()).isEqualTo(LI.id()));
    }

    @Test
    void inlineModeCallbackHasNoMessage() throws Exception {
        Update update = read(TelegramUpdates.callbackWithoutMessage(5, LI, "BAAAAAx", "renew"));

        assertThat(update.getCallbackQuery().getMessage()).isNull();
        assertThat(update.getCallbackQuery().getInlineMessageId()).isEqualTo("BAAAAAx");
    }

    @Test
    void stickerAndPhotoAreMessagesWithoutText() throws Exception {
        Message sticker = read(TelegramUpdates.sticker(6, LI, "👍")).getMessage();
        Message photo = read(TelegramUpdates.photo(7, LI, "my ICCID")).getMessage();

        assertThat(sticker.hasText()).isFalse();
        assertThat(sticker.getSticker().getEmoji()).isEqualTo("👍");
        assertThat(photo.getPhoto()).hasSize(2);
        assertThat(photo.getCaption()).isEqualTo("my ICCID");
    }

    @Test
    void editedMessageIsNotAMessage() throws Exception {
        Update update = read(TelegramUpdates.editedMessage(8, LI, 5, "fixed typo"));

        assertThat(update.hasMessage()).isFalse();
        assertThat(update.getEditedMessage().getMessageId()).isEqualTo(5);
        assertThat(update.getEditedMessage().getEditDate()).isPositive();
    }

    @Test
    void blockingTheBotIsAKickedChatMember() throws Exception {
        Update update = read(TelegramUpdates.myChatMember(9, LI, "kicked"));

        assertThat(update.getMyChatMember().getChat().getId()).isEqualTo(LI.id());
        assertThat(update.getMyChatMember().getNewChatMember()).isInstanceOf(ChatMemberBanned.class);
        assertThat(update.getMyChatMember().getOldChatMember().getStatus()).isEqualTo("member");
    }

    @Test
    void groupAndChannelMessagesAreNotPrivate() throws Exception {
        Message group = read(TelegramUpdates.groupMessage(10, LI, -1001234567890L, "hi all")).getMessage();
        Update channel = read(TelegramUpdates.channelPost(11, -1009876543210L, "news"));

        assertThat(group.isSuperGroupMessage()).isTrue();
        assertThat(group.getFrom().getId()).isEqualTo(LI.id());
        assertThat(channel.getChannelPost().isChannelMessage()).isTrue();
        assertThat(channel.getChannelPost().getSenderChat().getId()).isEqualTo(-1009876543210L);
    }

    @Test
    void withDateMovesTheMessageInTime() throws Exception {
        Instant longAgo = Instant.parse("2024-01-01T00:00:00Z");

        Update update = read(TelegramUpdates.withDate(TelegramUpdates.text(12, LI, "old"), longAgo));

        assertThat(update.getMessage().getDate()).isEqualTo((int) longAgo.getEpochSecond());
    }

    private static Update read(ObjectNode update) throws Exception {
        return LIBRARY_MAPPER.readValue(TelegramUpdates.json(update), Update.class);
    }
}
