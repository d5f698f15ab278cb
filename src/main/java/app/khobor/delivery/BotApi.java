package app.khobor.delivery;

/**
 * The few Bot API calls Khobor makes. Implemented over TelegramBots in app.khobor.telegram; tests may use the fake
 * Bot API server through that same implementation. Implementations never throw for API errors: they classify them.
 */
public interface BotApi {
    /** @param paidBroadcast sets allow_paid_broadcast */
    SendResult send(OutgoingMessage message, boolean paidBroadcast);

    /** Sends {@code text} without parse_mode (the fallback after a BadMarkup). */
    SendResult sendPlain(long chatId, String text);

    SendResult edit(long chatId, long messageId, String html, Keyboard keyboard);

    /**
     * Edits a sent push (a story's other portals added), keeping the chat's link-preview choice that
     * {@link #edit} (a reply's buttons and text) always turns off. No default, like {@code answerCallback}: a wrapper
     * that forgot it would silently drop the preview.
     */
    SendResult editPush(long chatId, long messageId, String html, boolean linkPreview);

    /** @param text up to 200 characters, may be empty */
    SendResult answerCallback(String callbackId, String text);

    /**
     * The same, shown as an alert the reader dismisses ({@code show_alert}) when {@code alert}. No default on purpose:
     * a wrapper that forgot it would silently turn every refusal into a toast.
     */
    SendResult answerCallback(String callbackId, String text, boolean alert);

    /**
     * Answers an inline query (answerInlineQuery). Once per query, within seconds of it: Telegram refuses a late or
     * second answer (400 "query is too old ..."), which comes back as {@link SendResult.Rejected}.
     */
    SendResult answerInline(InlineAnswer answer);
}
