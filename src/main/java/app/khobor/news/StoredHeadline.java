package app.khobor.news;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A headline in the history.
 *
 * @param id           database id, used by deliveries
 * @param key          {@code BengaliText.searchKey(title)}, what search and keywords compare against
 * @param canonicalUrl the de-duplication identity within a source
 * @param firstSeen    when Khobor first read it
 */
public record StoredHeadline(
        long id,
        String sourceId,
        String title,
        String key,
        String url,
        String canonicalUrl,
        OffsetDateTime publishedAt,
        Instant firstSeen) {}
