package dev.esimbot.testing;

/**
 * A Telegram user for building updates. {@code languageCode} is the client language Telegram reports, e.g.
 * {@code "zh-hans"} or {@code "en"}; null leaves it out, as Telegram does for some clients.
 */
public record TestUser(long id, String firstName, String languageCode) {

    public static TestUser chinese(long id, String firstName) {
        return new TestUser(id, firstName, "zh-hans");
    }

    public static TestUser english(long id, String firstName) {
        return new TestUser(id, firstName, "en");
    }
}
