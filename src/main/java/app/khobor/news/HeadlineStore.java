package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.source.Headline;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The history of headlines. SQLite by default; PostgreSQL later, behind the same interface. */
public interface HeadlineStore {

    /** The store for {@code db}'s kind of database. */
    static HeadlineStore create(Database db) {
        if (db.url().startsWith("jdbc:sqlite:")) {
            return new SqlHeadlineStore(db);
        }
        throw new IllegalArgumentException("no headline store for storage.url '" + db.url() + "'");
    }

    /** True once a source has been read successfully at least once (its baseline is taken). */
    boolean wasRead(String sourceId);

    /** Records a successful read: the first one takes the baseline, every one moves the last-read time. */
    void markRead(String sourceId, Instant at);

    boolean contains(String sourceId, String canonicalUrl);

    /**
     * Stores a headline unless (source, canonical URL) is already there.
     *
     * @return the stored row, or empty when it was already known
     */
    Optional<StoredHeadline> insert(Headline headline, String canonicalUrl, String key, Instant firstSeen);

    /**
     * Stores, in one transaction, every headline whose (source, canonical URL) is not there yet.
     *
     * @return the rows actually stored, in the order given
     */
    List<StoredHeadline> insertAll(List<NewHeadline> headlines, Instant firstSeen);

    /**
     * Like {@link #insertAll(List, Instant)}; with {@code toAnnounce} the stored rows are marked as not yet handed
     * to delivery until {@link #markAnnounced} says so, so a crash in between cannot lose their pushes.
     */
    List<StoredHeadline> insertAll(List<NewHeadline> headlines, Instant firstSeen, boolean toAnnounce);

    /** Stored headlines whose deliveries were not written yet (a crash came in between), oldest first. */
    List<StoredHeadline> unannounced(int limit);

    void markAnnounced(List<StoredHeadline> headlines);

    /** One headline by its id (deliveries keep only ids); empty once purged. */
    Optional<StoredHeadline> byId(long id);

    /** Newest first by first-seen time (then id). */
    List<StoredHeadline> latest(int limit);

    /**
     * Newest first; every one of {@code wordKeys} (already search keys) must be a prefix of some word of the headline's key.
     * Blank words are ignored; no words at all give an empty list.
     */
    List<StoredHeadline> search(List<String> wordKeys, int limit);

    /** Number of headlines first seen at or after {@code since}. */
    long countSince(Instant since);

    /**
     * Records that a successful read of the source still showed these links (canonical URLs): their last-seen time
     * becomes {@code at}, in one transaction. Links not in the history are ignored; a last-seen time is never moved back.
     */
    void markSeen(String sourceId, Collection<String> canonicalUrls, Instant at);

    /**
     * Deletes headlines no read has shown since before {@code cutoff} (last seen, or first seen for rows that have no
     * last-seen time); returns how many.
     */
    int purgeBefore(Instant cutoff);

    /** The validators of the source's last successful response, if any were saved. */
    Optional<SourceCursor> loadCursor(String sourceId);

    void saveCursor(String sourceId, SourceCursor cursor);
}
