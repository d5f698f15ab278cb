package app.khobor.source;

import java.time.OffsetDateTime;

/**
 * One headline as read from a source, before de-duplication.
 *
 * @param title       display text: NFC, whitespace collapsed, entities decoded
 * @param url         absolute http(s) URL as published
 * @param publishedAt null when the source gives no usable time
 * @param category    the section the source files it under (a feed item's first {@code <category>}), null when none
 * @param summary     the feed item's description or summary as text (at most {@link #SUMMARY_LIMIT} characters),
 *                    null when none: story matching reads it, nothing stores or shows it
 */
public record Headline(String sourceId, String title, String url, OffsetDateTime publishedAt, String category,
        String summary) {
    /** Story matching reads the first thirty words; a feed that puts the whole article here is cut. */
    public static final int SUMMARY_LIMIT = 600;

    public Headline {
        if (summary != null && summary.length() > SUMMARY_LIMIT) {
            summary = summary.substring(0, SUMMARY_LIMIT);
        }
        summary = summary == null || summary.isBlank() ? null : summary;
    }

    /** A headline without a summary. */
    public Headline(String sourceId, String title, String url, OffsetDateTime publishedAt, String category) {
        this(sourceId, title, url, publishedAt, category, null);
    }

    /** A headline without a category. */
    public Headline(String sourceId, String title, String url, OffsetDateTime publishedAt) {
        this(sourceId, title, url, publishedAt, null);
    }
}
