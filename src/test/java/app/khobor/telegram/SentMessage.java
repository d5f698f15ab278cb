package app.khobor.telegram;

import java.time.Instant;
import java.util.List;

/**
 * A message the bot sent (or an edit it made) as the fake Bot API accepted it.
 *
 * @param text                what the reader sees: tags stripped, entities decoded
 * @param source              the text parameter exactly as sent (the HTML source when parseMode is HTML)
 * @param parseMode           "HTML", or null for plain text
 * @param keyboard            inline keyboard rows, empty for none
 * @param linkPreviewDisabled link_preview_options.is_disabled (or disable_web_page_preview)
 * @param paidBroadcast       allow_paid_broadcast was set
 */
public record SentMessage(long chatId, long messageId, String text, String source, String parseMode,
        List<List<SentButton>> keyboard, boolean linkPreviewDisabled, boolean paidBroadcast, Instant at) {

    /** One inline button; callbackData or url is null when not set. */
    public record SentButton(String text, String callbackData, String url) {}

    /** All buttons, row by row. */
    public List<SentButton> buttons() {
        return keyboard.stream().flatMap(List::stream).toList();
    }
}
