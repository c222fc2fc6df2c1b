package dev.esimbot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The real TelegramBots client against the fake: requests and answers must look like the real Bot API. */
class FakeBotApiTest {

    private static final String TOKEN = "123:TEST";
    private static final long CHAT = 4242;
    private static final TestUser USER = TestUser.english(CHAT, "Ivan");

    private final OkHttpClient http = new OkHttpClient();
    private FakeBotApi api;
    private TelegramClient client;

    @BeforeEach
    void startFake() {
        api = new FakeBotApi().start();
        client = new OkHttpTelegramClient(http, TOKEN, api.telegramUrl());
    }

    @AfterEach
    void stopFake() {
        api.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void sentMessageComesBackParsedWithItsInlineKeyboard() throws TelegramApiException {
        Message sent = client.execute(sendWithButton("Your eSIM expires soon", "renew"));

        assertThat(sent.getMessageId()).isEqualTo(1);
        assertThat(sent.getChatId()).isEqualTo(CHAT);
        assertThat(sent.getFrom().getIsBot()).isTrue();
        assertThat(sent.getText()).isEqualTo("Your eSIM expires soon");
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("renew");
        Call call = api.awaitCall("sendMessage", Duration.ofSeconds(1));
        assertThat(call.token()).isEqualTo(TOKEN);
        assertThat(call.chatId()).isEqualTo(CHAT);
    }

    @Test
    void messageIdsIncreasePerChat() throws TelegramApiException {
        client.execute(sendWithButton("one", "a"));
        Message second = client.execute(sendWithButton("two", "b"));
        Message elsewhere = client.execute(new SendMessage("777", "hello"));

        assertThat(second.getMessageId()).isEqualTo(2);
        assertThat(elsewhere.getMessageId()).isEqualTo(1);
    }

    @Test
    void editedTextIsWhatTheUserSeesAndTheKeyboardGoesWhenOmitted() throws TelegramApiException {
        Message sent = client.execute(sendWithButton("Choose a plan", "plan:30d"));

        Serializable edited = client.execute(edit(sent.getMessageId(), "Plan chosen: 30 days"));

        assertThat(edited).isInstanceOfSatisfying(Message.class,
                message -> assertThat(message.getText()).isEqualTo("Plan chosen: 30 days"));
        assertThat(api.messagesTo(CHAT)).singleElement().satisfies(message -> {
            assertThat(message.path("text").asText()).isEqualTo("Plan chosen: 30 days");
            assertThat(message.has("reply_markup")).isFalse();
            assertThat(message.has("edit_date")).isTrue();
        });
    }

    @Test
    void editsThatChangeNothingOrMissTheMessageFailLikeTelegram() throws TelegramApiException {
        Message sent = client.execute(new SendMessage(String.valueOf(CHAT), "Same"));

        var unchanged = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(edit(sent.getMessageId(), "Same")));
        var missing = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(edit(99, "Anything")));

        assertThat(unchanged.getErrorCode()).isEqualTo(400);
        assertThat(unchanged.getApiResponse()).startsWith("Bad Request: message is not modified");
        assertThat(missing.getApiResponse()).isEqualTo("Bad Request: message to edit not found");
    }

    @Test
    void replyMarkupEditSwapsTheKeyboardOnlyOnce() throws TelegramApiException {
        Message sent = client.execute(sendWithButton("Choose", "plan:7d"));
        EditMessageReplyMarkup swap = EditMessageReplyMarkup.builder()
                .chatId(CHAT).messageId(sent.getMessageId()).replyMarkup(keyboard("plan:30d")).build();

        client.execute(swap);
        var again = catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(swap));

        assertThat(api.lastMessageTo(CHAT).path("reply_markup").toString()).contains("plan:30d");
        assertThat(again.getApiResponse()).startsWith("Bad Request: message is not modified");
    }

    @Test
    void inlineMessageEditsAnswerTrue() throws TelegramApiException {
        Serializable edited = client.execute(EditMessageText.builder().inlineMessageId("BAAAAAx").text("x").build());

        assertThat(edited).isEqualTo(Boolean.TRUE);
    }

    @Test
    void callbackOnASentMessageCarriesItsKeyboard() throws Exception {
        client.execute(sendWithButton("Renew now?", "renew"));

        var update = TelegramUpdates.callback(api.nextUpdateId(), USER, api.lastMessageTo(CHAT), "renew");

        Update parsed = new ObjectMapper().readValue(TelegramUpdates.json(update), Update.class);
        assertThat(parsed.getCallbackQuery().getMessage()).isInstanceOfSatisfying(Message.class,
                message -> assertThat(message.getReplyMarkup().getKeyboard()).hasSize(1));
    }

    @Test
    void delayedCallIsAnsweredLate() throws TelegramApiException {
        api.delayNext("answerCallbackQuery", Duration.ofMillis(300));
        long started = System.nanoTime();

        client.execute(AnswerCallbackQuery.builder().callbackQueryId("4000000001").build());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void answeringACallbackQueryReturnsTrue() throws TelegramApiException {
        Boolean answered = client.execute(AnswerCallbackQuery.builder().callbackQueryId("4000000001").build());

        assertThat(answered).isTrue();
    }

    @Test
    void injectedTooManyRequestsCarriesRetryAfterOnce() throws TelegramApiException {
        api.failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

        var limited = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(new SendMessage(String.valueOf(CHAT), "hi")));

        assertThat(limited.getErrorCode()).isEqualTo(429);
        assertThat(limited.getParameters().getRetryAfter()).isEqualTo(7);
        assertThat(client.execute(new SendMessage(String.valueOf(CHAT), "hi")).getMessageId()).isEqualTo(1);
    }

    @Test
    void blockedUserIsForbidden() {
        api.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user", null);

        var blocked = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(new SendMessage(String.valueOf(CHAT), "hi")));

        assertThat(blocked.getErrorCode()).isEqualTo(403);
        assertThat(blocked.getParameters()).isNull();
        assertThat(api.messagesTo(CHAT)).isEmpty();
    }

    @Test
    void tooLongCallbackDataIsRejectedAsTelegramDoes() {
        var invalid = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(sendWithButton("Pick", "x".repeat(65))));

        assertThat(invalid.getApiResponse()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
    }

    @Test
    void awaitCallFailsListingTheCallsSeen() throws TelegramApiException {
        client.execute(new SendMessage(String.valueOf(CHAT), "hello"));

        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> api.awaitCall("editMessageText", Duration.ofMillis(50)));

        assertThat(failure).hasMessageContaining("sendMessage").hasMessageContaining("hello");
    }

    private static SendMessage sendWithButton(String text, String callbackData) {
        return SendMessage.builder().chatId(CHAT).text(text).replyMarkup(keyboard(callbackData)).build();
    }

    private static InlineKeyboardMarkup keyboard(String callbackData) {
        InlineKeyboardButton button = InlineKeyboardButton.builder().text("Go").callbackData(callbackData).build();
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(button)));
    }

    private static EditMessageText edit(int messageId, String text) {
        return EditMessageText.builder().chatId(CHAT).messageId(messageId).text(text).build();
    }
}
