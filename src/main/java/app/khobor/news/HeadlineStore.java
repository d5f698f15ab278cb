package app.khobor.news;

import app.khobor.source.Headline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The history of headlines. SQLite by default; PostgreSQL later, behind the same interface. */
public interface HeadlineStore {

    /** True once a source has been read successfully at least once (its baseline is taken). */
    boolean wasRead(String sourceId);

    void markRead(String sourceId, Instant at);

    boolean contains(String sourceId, String canonicalUrl);

    /**
     * Stores a headline unless (source, canonical URL) is already there.
     *
     * @return the stored row, or empty when it was already known
     */
    Optional<StoredHeadline> insert(Headline headline, String canonicalUrl, String key, Instant firstSeen);

    /** Newest first by first-seen time (then id). */
    List<StoredHeadline> latest(int limit);

    /**
     * Newest first; every one of {@code wordKeys} (already search keys) must be a prefix of some word of the headline's key.
     */
    List<StoredHeadline> search(List<String> wordKeys, int limit);

    /** Number of headlines first seen at or after {@code since}. */
    long countSince(Instant since);

    /** Deletes headlines first seen before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}
