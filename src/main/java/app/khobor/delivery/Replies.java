package app.khobor.delivery;

/**
 * Answers to readers' commands. They share Telegram's budget with pushes but go ahead of them, up to two thirds of the
 * rate while pushes wait, so /search answers fast during a broadcast and a flood of commands cannot stop the news.
 * Calls return at once; sending happens on the delivery threads. Through an outage a reply waits for Telegram for up to
 * ten minutes; a chat with ten replies waiting gets one "slow down" message and nothing more until they are sent.
 */
public interface Replies {
    void reply(OutgoingMessage message);

    /** @param group the chat is a group, supergroup or channel (see {@link Recipient#group()}) */
    void edit(long chatId, boolean group, long messageId, String html, Keyboard keyboard);

    void answerCallback(String callbackId, String text);

    /** Answers a button press with an alert the reader must dismiss (refusals: not an admin, a forged or stale button). */
    void alert(String callbackId, String text);
}
