package dev.esimbot.conversation;

/** An inline keyboard button: either callback data or a URL. */
public record Button(String text, String callbackData, String url) {

    static Button callback(String text, String data) {
        return new Button(text, data, null);
    }

    static Button link(String text, String url) {
        return new Button(text, null, url);
    }
}
