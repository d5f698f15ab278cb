package app.khobor.delivery;

/**
 * A message for Telegram. {@code html} is already valid Telegram HTML (every scraped or user string escaped) and at
 * most 4096 characters of text.
 *
 * @param group    sent to a group, supergroup or channel, so the per-group limit applies (as for {@link Recipient})
 * @param keyboard null for none
 */
public record OutgoingMessage(long chatId, boolean group, String html, Keyboard keyboard, boolean linkPreview) {
    public static OutgoingMessage html(long chatId, boolean group, String html) {
        return new OutgoingMessage(chatId, group, html, null, false);
    }

    /** The same message for the chat's new id after it became a supergroup. */
    OutgoingMessage movedTo(long newChatId) {
        return new OutgoingMessage(newChatId, true, html, keyboard, linkPreview);
    }
}
