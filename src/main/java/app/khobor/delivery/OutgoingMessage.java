package app.khobor.delivery;

/**
 * A message for Telegram. {@code html} is already valid Telegram HTML (every scraped or user string escaped) and at
 * most 4096 characters of text.
 *
 * @param keyboard null for none
 */
public record OutgoingMessage(long chatId, String html, Keyboard keyboard, boolean linkPreview) {
    public static OutgoingMessage html(long chatId, String html) {
        return new OutgoingMessage(chatId, html, null, false);
    }
}
