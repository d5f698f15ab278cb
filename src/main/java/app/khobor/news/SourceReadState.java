package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.source.Validators;
import java.time.Instant;
import java.util.Optional;

/**
 * What the reads of each source left behind: whether its baseline is taken, and the conditional-GET validators of its
 * last successful response, so a restart neither floods readers with old news nor re-downloads unchanged sources.
 */
public interface SourceReadState {

    static SourceReadState create(Database db) {
        return new SqlSourceReadState(db);
    }

    /** True once a source has been read successfully at least once (its baseline is taken). */
    boolean wasRead(String sourceId);

    /** Records a successful read: the first one takes the baseline, every one moves the last-read time. */
    void markRead(String sourceId, Instant at);

    /** The validators of the source's last successful response, if any were saved. */
    Optional<Validators> validators(String sourceId);

    /** Saves the validators of a read; call only once its headlines are stored. */
    void saveValidators(String sourceId, Validators validators);
}
