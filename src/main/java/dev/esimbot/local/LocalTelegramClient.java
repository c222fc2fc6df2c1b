package dev.esimbot.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.telegram.telegrambots.client.AbstractTelegramClient;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.api.methods.SetMyProfilePhoto;
import org.telegram.telegrambots.meta.api.methods.business.SetBusinessAccountProfilePhoto;
import org.telegram.telegrambots.meta.api.methods.groupadministration.SetChatPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendAnimation;
import org.telegram.telegrambots.meta.api.methods.send.SendAudio;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendLivePhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendPaidMedia;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendSticker;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.methods.send.SendVideoNote;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.methods.stickers.AddStickerToSet;
import org.telegram.telegrambots.meta.api.methods.stickers.CreateNewStickerSet;
import org.telegram.telegrambots.meta.api.methods.stickers.ReplaceStickerInSet;
import org.telegram.telegrambots.meta.api.methods.stickers.SetStickerSetThumbnail;
import org.telegram.telegrambots.meta.api.methods.stickers.UploadStickerFile;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageMedia;

/**
 * The bot's {@code TelegramClient} in local mode. Every call is serialised to the Bot API JSON a real client would
 * post, answered by {@link LocalBotApi}, and the answer is read back by the method itself, so the bot runs exactly
 * as against Telegram. Uploads and downloads (which this bot does not use) are refused.
 */
final class LocalTelegramClient extends AbstractTelegramClient {

    private final ObjectMapper json = new ObjectMapper();
    private final LocalBotApi api;

    LocalTelegramClient(LocalBotApi api) {
        this.api = api;
    }

    @Override
    public <T extends Serializable, M extends BotApiMethod<T>> CompletableFuture<T> executeAsync(M method)
            throws TelegramApiException {
        try {
            JsonNode params = json.readTree(json.writeValueAsString(method));
            JsonNode result = api.call(method.getMethod(), params);
            ObjectNode response = json.createObjectNode();
            if (result == null) {
                response.put("ok", false).put("error_code", 400).put("description", "Bad Request: not supported in local mode");
            } else {
                response.put("ok", true).set("result", result);
            }
            return CompletableFuture.completedFuture(method.deserializeResponse(response.toString()));
        } catch (java.io.IOException e) {
            throw new TelegramApiException("local Bot API call " + method.getMethod() + " failed", e);
        } catch (TelegramApiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Message> executeAsync(SendDocument method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendPhoto method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(SetWebhook method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendVideo method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendVideoNote method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendSticker method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendAudio method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendVoice method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<List<Message>> executeAsync(SendMediaGroup method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendPaidMedia method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(SetChatPhoto method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(AddStickerToSet method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(ReplaceStickerInSet method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(SetStickerSetThumbnail method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(CreateNewStickerSet method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<File> executeAsync(UploadStickerFile method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Serializable> executeAsync(EditMessageMedia method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendAnimation method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Message> executeAsync(SendLivePhoto method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(SetBusinessAccountProfilePhoto method) {
        return unsupported(method.getMethod());
    }
    @Override
    public CompletableFuture<Boolean> executeAsync(SetMyProfilePhoto method) {
        return unsupported(method.getMethod());
    }

    @Override
    public java.io.File downloadFile(File file) throws TelegramApiException {
        throw new TelegramApiException("downloads are not supported in local mode");
    }

    @Override
    public InputStream downloadFileAsStream(File file) throws TelegramApiException {
        throw new TelegramApiException("downloads are not supported in local mode");
    }

    @Override
    public CompletableFuture<java.io.File> downloadFileAsync(File file) {
        return unsupported("downloadFile");
    }

    @Override
    public CompletableFuture<InputStream> downloadFileAsStreamAsync(File file) {
        return unsupported("downloadFile");
    }

    private static <T> CompletableFuture<T> unsupported(String method) {
        return CompletableFuture.failedFuture(new TelegramApiException(method + " is not supported in local mode"));
    }
}
