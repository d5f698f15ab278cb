package app.khobor.news;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A headline in the history.
 *
 * @param id           database id, used by deliveries
 * @param key          {@code BengaliText.searchKey(title)}, what search and keywords compare against
 * @param canonicalUrl the de-duplication identity within a source
 * @param firstSeen    when Khobor first read it
 * @param category     the section the source filed it under ({@code headlines.category}, V7); null when none
 * @param storyId      the story it belongs to ({@code headlines.story_id}, V12): the id of the story's first headline,
 *                     its own id when it started the story
 */
public record StoredHeadline(
        long id,
        String sourceId,
        String title,
        String key,
        String url,
        String canonicalUrl,
        OffsetDateTime publishedAt,
        Instant firstSeen,
        String category,
        long storyId) {

    /** A headline that is its own story. */
    public StoredHeadline(long id, String sourceId, String title, String key, String url, String canonicalUrl,
            OffsetDateTime publishedAt, Instant firstSeen, String category) {
        this(id, sourceId, title, key, url, canonicalUrl, publishedAt, firstSeen, category, id);
    }

    /** A headline filed under no section. */
    public StoredHeadline(long id, String sourceId, String title, String key, String url, String canonicalUrl,
            OffsetDateTime publishedAt, Instant firstSeen) {
        this(id, sourceId, title, key, url, canonicalUrl, publishedAt, firstSeen, null);
    }

    /** The same headline in story {@code story}. */
    public StoredHeadline inStory(long story) {
        return new StoredHeadline(id, sourceId, title, key, url, canonicalUrl, publishedAt, firstSeen, category, story);
    }

    /** Whether another portal's headline started its story (false for the first of a story). */
    public boolean joinedStory() {
        return storyId != id;
    }

    /** A source's time further ahead of our first sight than this is a wrong clock, not news from the future. */
    public static final Duration FUTURE_SLACK = Duration.ofMinutes(5);

    /**
     * When it was published, as lists order and show it: the source's time, or the first-seen time when the source
     * gave none or one more than {@link #FUTURE_SLACK} after it was first seen (the column published_ms, V6.sql).
     */
    public Instant listedAt() {
        return listedAt(publishedAt, firstSeen);
    }

    static Instant listedAt(OffsetDateTime publishedAt, Instant firstSeen) {
        if (publishedAt == null || publishedAt.toInstant().isAfter(firstSeen.plus(FUTURE_SLACK))) {
            return firstSeen;
        }
        return publishedAt.toInstant();
    }
}
