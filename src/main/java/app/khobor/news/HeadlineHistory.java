package app.khobor.news;

import app.khobor.db.Database;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The history of headlines: every headline Khobor stored, found by id, newest first or by words, and purged when no
 * source has shown it for long. What each source's reads left behind is in {@link SourceReadState}; which stored
 * headlines still wait for delivery is in {@link AnnounceMarks}.
 */
public interface HeadlineHistory {

    /** The history kept in {@code db} (which picked its implementation from the URL when it was opened). */
    static HeadlineHistory create(Database db) {
        return new SqlHeadlineHistory(db);
    }

    boolean contains(String sourceId, String canonicalUrl);

    /**
     * Stores, in one transaction, every headline whose (source, canonical URL) is not there yet. With
     * {@code toAnnounce} the stored rows wait in {@link AnnounceMarks} until their hand-off to delivery succeeded, so
     * a crash in between cannot lose their pushes.
     *
     * @return the rows actually stored, in the order given
     */
    List<StoredHeadline> insertAll(List<NewHeadline> headlines, Instant firstSeen, boolean toAnnounce);

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
}
