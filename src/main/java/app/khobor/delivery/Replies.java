package app.khobor.delivery;

/**
 * Answers to readers' commands. They share Telegram's budget with pushes but go ahead of them, so /search answers fast
 * during a broadcast. Calls return at once; sending happens on the delivery threads.
 */
public interface Replies {
    void reply(OutgoingMessage message);

    void edit(long chatId, long messageId, String html, Keyboard keyboard);

    void answerCallback(String callbackId, String text);
}
