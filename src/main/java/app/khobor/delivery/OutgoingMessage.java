package app.khobor.delivery;

/**
 * A message for Telegram. {@code html} is already valid Telegram HTML (every scraped or user string escaped) and at
 * most 4096 characters of text.
 *
 * @param group    sent to a group, supergroup or channel, so the per-group limit applies (as for {@link Recipient})
 * @param keyboard null for none
 * @param silent   no notification sound (disable_notification): a push in the chat's quiet hours
 * @param replyTo  the message this answers, shown threaded under it (a command in a group); 0 for none
 */
public record OutgoingMessage(long chatId, boolean group, String html, Keyboard keyboard, boolean linkPreview,
        boolean silent, long replyTo) {
    public OutgoingMessage(long chatId, boolean group, String html, Keyboard keyboard, boolean linkPreview) {
        this(chatId, group, html, keyboard, linkPreview, false, 0);
    }

    public static OutgoingMessage html(long chatId, boolean group, String html) {
        return new OutgoingMessage(chatId, group, html, null, false);
    }

    /** The same message for the chat's new id after it became a supergroup (the command it answered stays behind). */
    OutgoingMessage movedTo(long newChatId) {
        return new OutgoingMessage(newChatId, true, html, keyboard, linkPreview, silent, 0);
    }
}
