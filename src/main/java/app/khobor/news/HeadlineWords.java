package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.text.BengaliText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PostgreSQL's word index ({@code headline_words}, see db/postgresql/V1.sql): a row per distinct word of a headline's
 * search key, the words of {@link BengaliText#words}, written in the transaction that stores the headline. SQLite's
 * FTS5 table is kept by triggers instead, so on SQLite every method here does nothing.
 */
public final class HeadlineWords {
    /** Headlines indexed per transaction by {@link #indexMissing}. */
    static final int CHUNK = 1_000;

    private HeadlineWords() {}

    /** Indexes one stored headline (PostgreSQL); call in the transaction that inserted it. */
    static void add(Connection c, Engine engine, long headlineId, String key) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            add(c, Map.of(headlineId, key));
        }
    }

    /** Indexes headlines just stored (PostgreSQL); call in the transaction that inserted them. */
    static void add(Connection c, Engine engine, List<StoredHeadline> stored) throws SQLException {
        if (engine == Engine.POSTGRESQL && !stored.isEmpty()) {
            Map<Long, String> keysById = new LinkedHashMap<>();
            stored.forEach(h -> keysById.put(h.id(), h.key()));
            add(c, keysById);
        }
    }

    private static void add(Connection c, Map<Long, String> keysById) throws SQLException {
        List<Object[]> rows = keysById.entrySet().stream()
                .flatMap(e -> distinctWords(e.getValue()).stream().map(w -> new Object[] {w, e.getKey()}))
                .toList();
        Statements.batch(c, "INSERT INTO headline_words (word, headline_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                rows, row -> row);
    }

    private static Set<String> distinctWords(String key) {
        return new LinkedHashSet<>(BengaliText.words(key));
    }

    /**
     * Indexes every headline that has no words yet (after {@code khobor migrate} copied a history in), in chunks of
     * {@value #CHUNK}; the number indexed. Nothing to do on SQLite.
     */
    public static long indexMissing(Database db) {
        if (db.engine() != Engine.POSTGRESQL) {
            return 0;
        }
        long indexed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            TreeMap<Long, String> chunk = new TreeMap<>();
            db.read(c -> Statements.list(c, "SELECT h.id, h.key FROM headlines h WHERE h.id > ? AND NOT EXISTS"
                    + " (SELECT 1 FROM headline_words w WHERE w.headline_id = h.id) ORDER BY h.id LIMIT ?",
                    rs -> Map.entry(rs.getLong(1), rs.getString(2)), from, CHUNK))
                    .forEach(e -> chunk.put(e.getKey(), e.getValue()));
            if (chunk.isEmpty()) {
                return indexed;
            }
            db.transaction(c -> {
                add(c, chunk);
                return null;
            });
            indexed += chunk.size();
            after = chunk.lastKey();
        }
    }
}
