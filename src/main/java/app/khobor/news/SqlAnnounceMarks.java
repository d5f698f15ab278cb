package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import java.util.List;

/** {@link AnnounceMarks} in column {@code headlines.announced} (V4.sql): 0 while the hand-off is due. */
final class SqlAnnounceMarks implements AnnounceMarks {
    private final Database db;

    SqlAnnounceMarks(Database db) {
        this.db = db;
    }

    @Override
    public List<StoredHeadline> unannounced(int limit) {
        return db.read(c -> Statements.list(c, "SELECT " + SqlHeadlineHistory.COLUMNS
                + " FROM headlines h WHERE h.announced = 0 ORDER BY h.id LIMIT ?", SqlHeadlineHistory::row, limit));
    }

    @Override
    public void markAnnounced(List<StoredHeadline> headlines) {
        if (headlines.isEmpty()) {
            return;
        }
        db.transaction(c -> Statements.batch(c, "UPDATE headlines SET announced = 1 WHERE id = ?", headlines,
                h -> new Object[] {h.id()}));
    }
}
