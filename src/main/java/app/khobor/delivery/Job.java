package app.khobor.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * One request to Telegram (a push or a reply) as the {@link Sender} sees it: how to send it, and what happens to it
 * after each kind of answer. What every answer means for the chat, the limits and the statistics is decided once, in
 * the sender; a job only says what becomes of itself.
 */
interface Job {
    /** The chat the request goes to; 0 for a callback answer, which is no chat message. */
    long chatId();

    SendResult sendWith(BotApi api);

    /** Telegram accepted it. */
    void accepted(Instant now);

    /** Telegram accepted it as message {@code messageId} (what an edit of it names). */
    default void accepted(Instant now, long messageId) {
        accepted(now);
    }

    /** 429: the chat may get nothing for {@code retryAfter}. */
    void waitFor(Duration retryAfter, Instant now);

    /** A transient failure (5xx, timeout, network); returns false when the job gives up instead of trying again. */
    boolean retryLater(Instant now);

    /** Telegram could not parse the HTML; returns false when it cannot go as plain text (again). */
    boolean resendAsPlainText();

    /** Resending will not help (rejected, or even the plain text could not be parsed). */
    void giveUp(Instant now);

    /** The chat blocked the bot or is gone; its pending rows are already dropped. */
    void chatGone();

    /** The group became a supergroup; its pending rows already moved to {@code newChatId}. */
    void chatMoved(long newChatId, Instant now);

    /** Acting on Telegram's answer failed (the database): the job must not be lost, nor its chat stay busy. */
    void actingFailed(SendResult result, Instant now);
}
