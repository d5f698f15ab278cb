package app.khobor.ops;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few questions the operator's views ask the database directly: counts the stores have no call for, all read-only
 * and cheap (the per-source questions use the (source_id, ...) index of the headlines table).
 */
final class OpsQueries {
    private final Database db;

    OpsQueries(Database db) {
        this.db = db;
    }

    /**
     * New headlines per source first seen at or after {@code since}, not counting a first read's baseline (what a
     * portal already showed when Khobor first read it is not news); sources with none are absent.
     */
    Map<String, Long> newHeadlinesSince(Instant since) {
        Map<String, Long> counts = new HashMap<>();
        db.read(c -> Statements.list(c,
                "SELECT source_id, COUNT(*) FROM headlines WHERE first_seen >= ? AND baseline = 0 GROUP BY source_id",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), since.toEpochMilli()));
        return counts;
    }

    /**
     * The last {@code n} distinct moments the source brought new headlines (one read that found five counts once),
     * newest first.
     */
    List<Instant> arrivals(String sourceId, int n) {
        return db.read(c -> Statements.list(c,
                "SELECT DISTINCT first_seen FROM headlines WHERE source_id = ? ORDER BY first_seen DESC LIMIT ?",
                rs -> Instant.ofEpochMilli(rs.getLong(1)), sourceId, n));
    }

    /** Chats by kind and state: "subscribed" (gets pushes), "unsubscribed" (after /stop or never started), "gone". */
    List<ChatGroup> chatGroups() {
        return db.read(c -> Statements.list(c,
                "SELECT kind, CASE WHEN active = 0 THEN 'gone' WHEN subscribed = 1 THEN 'subscribed'"
                        + " ELSE 'unsubscribed' END AS state, COUNT(*) FROM chats GROUP BY 1, 2",
                rs -> new ChatGroup(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2),
                        rs.getLong(3))));
    }

    /** Proves the database answers a query. */
    void ping() {
        db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM chats WHERE id = 0"));
    }

    record ChatGroup(String kind, String state, long count) {}
}
