package app.khobor.news;

import app.khobor.db.Database;
import java.util.List;

/**
 * Which stored headlines were handed to delivery. A headline stored as new waits here until its hand-off succeeded;
 * one the process died (or the hand-off failed) before handing over is published again, which is safe because the
 * outbox keeps one delivery per chat and headline.
 */
public interface AnnounceMarks {

    static AnnounceMarks create(Database db) {
        return new SqlAnnounceMarks(db);
    }

    /** Stored headlines whose hand-off to delivery has not succeeded yet, oldest first. */
    List<StoredHeadline> unannounced(int limit);

    /** Their hand-off succeeded: they will not be published again. */
    void markAnnounced(List<StoredHeadline> headlines);
}
