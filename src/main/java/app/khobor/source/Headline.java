package app.khobor.source;

import java.time.OffsetDateTime;

/**
 * One headline as read from a source, before de-duplication.
 *
 * @param title       display text: NFC, whitespace collapsed, entities decoded
 * @param url         absolute http(s) URL as published
 * @param publishedAt null when the source gives no usable time
 * @param category    the section the source files it under (a feed item's first {@code <category>}), null when none
 */
public record Headline(String sourceId, String title, String url, OffsetDateTime publishedAt, String category) {

    /** A headline without a category. */
    public Headline(String sourceId, String title, String url, OffsetDateTime publishedAt) {
        this(sourceId, title, url, publishedAt, null);
    }
}
