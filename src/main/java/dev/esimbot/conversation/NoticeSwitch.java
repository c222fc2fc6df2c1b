package dev.esimbot.conversation;

/**
 * The user's {@code /notifications} switch for expiry notices. Implemented by {@code notices.Suppressions}; the
 * conversation only shows and flips it.
 */
public interface NoticeSwitch {

    boolean enabled(long chatId);

    void enable(long chatId, boolean on);
}
