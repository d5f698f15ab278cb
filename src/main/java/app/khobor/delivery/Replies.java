package app.khobor.delivery;

/**
 * Answers to readers' commands. They share Telegram's budget with pushes but go ahead of them, so /search answers fast
 * during a broadcast. Calls return at once; sending happens on the delivery threads.
 */
public interface Replies {
    void reply(OutgoingMessage message);

    /** @param group the chat is a group, supergroup or channel (see {@link Recipient#group()}) */
    void edit(long chatId, boolean group, long messageId, String html, Keyboard keyboard);

    void answerCallback(String callbackId, String text);
}
