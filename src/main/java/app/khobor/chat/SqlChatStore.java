package app.khobor.chat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.text.BengaliText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat store (schema V2) on either engine. Each change is one statement or one transaction that holds the rows it
 * reads: on PostgreSQL several connections write at once, where SQLite had one writer.
 */
final class SqlChatStore implements ChatStore {
    private static final Logger log = LoggerFactory.getLogger(SqlChatStore.class);

    /** Oldest first; equal times only where a migration merged two chats' keywords. */
    static final String KEYWORD_ORDER = "created_at, key";

    private final Database db;
    private final Clock clock;
    private final AtomicLong version = new AtomicLong();

    SqlChatStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void register(long chatId, ChatKind kind) {
        Chat known = find(chatId);
        if (known != null && known.kind() == kind) {
            // The common case writes nothing: a read-only command must not wait for the write lock.
            return;
        }
        long now = now();
        changed(db.transaction(c -> Statements.update(c, """
                INSERT INTO chats(id, kind, active, subscribed, created_at, updated_at) VALUES (?, ?, 1, 0, ?, ?)
                ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, updated_at = excluded.updated_at
                WHERE chats.kind <> excluded.kind""", chatId, kind.name(), now, now)));
    }

    @Override
    public void subscribe(long chatId, ChatKind kind) {
        long now = now();
        // A repeated /start keeps the original time; a /start after /stop or after being blocked starts afresh.
        changed(db.transaction(c -> Statements.update(c, """
                INSERT INTO chats(id, kind, active, subscribed, subscribed_at, created_at, updated_at)
                VALUES (?, ?, 1, 1, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, updated_at = excluded.updated_at,
                  subscribed_at = CASE WHEN chats.subscribed = 1 AND chats.active = 1
                                       THEN chats.subscribed_at ELSE excluded.subscribed_at END,
                  active = 1, subscribed = 1, inactive_reason = NULL""", chatId, kind.name(), now, now, now)));
    }

    @Override
    public boolean unsubscribe(long chatId) {
        return changed(db.transaction(c -> Statements.update(c,
                "UPDATE chats SET subscribed = 0, updated_at = ? WHERE id = ? AND subscribed = 1", now(), chatId))) > 0;
    }

    @Override
    public Chat find(long chatId) {
        return db.read(c -> Statements.first(c,
                "SELECT id, kind, active, subscribed, subscribed_at FROM chats WHERE id = ?",
                rs -> new Chat(rs.getLong(1), ChatKind.valueOf(rs.getString(2)), rs.getInt(3) == 1, rs.getInt(4) == 1,
                        instant(rs.getObject(5))), chatId).orElse(null));
    }

    @Override
    public void deactivate(long chatId, String reason) {
        int n = changed(db.transaction(c -> Statements.update(c,
                "UPDATE chats SET active = 0, inactive_reason = ?, updated_at = ? WHERE id = ? AND active = 1",
                reason, now(), chatId)));
        if (n > 0) {
            log.info("chat {} deactivated: {}", chatId, reason);
        }
    }

    @Override
    public void migrate(long oldChatId, long newChatId) {
        boolean moved = db.transaction(c -> ChatMigration.run(c, db.engine(), oldChatId, newChatId, now()));
        if (moved) {
            changed(1);
            log.info("chat {} migrated to {}", oldChatId, newChatId);
        }
    }

    /**
     * Keywords list in the order they were added, by created_at: a keyword added in the same millisecond as the chat's
     * newest one is stamped a millisecond later, so the order holds without SQLite's rowid.
     */
    @Override
    public boolean addKeyword(long chatId, String keyword) {
        long now = now();
        return changed(db.transaction(c -> Statements.update(c, """
                INSERT INTO chat_keywords(chat_id, keyword, key, created_at)
                SELECT ?, ?, ?, CASE WHEN MAX(created_at) >= ? THEN MAX(created_at) + 1 ELSE ? END
                FROM chat_keywords WHERE chat_id = ?
                ON CONFLICT DO NOTHING""", chatId, keyword, BengaliText.searchKey(keyword), now, now, chatId))) > 0;
    }

    @Override
    public boolean removeKeyword(long chatId, String keyword) {
        return changed(db.transaction(c -> Statements.update(c,
                "DELETE FROM chat_keywords WHERE chat_id = ? AND key = ?", chatId, BengaliText.searchKey(keyword)))) > 0;
    }

    @Override
    public List<String> keywords(long chatId) {
        return db.read(c -> keywords(c, chatId));
    }

    private static List<String> keywords(Connection c, long chatId) throws SQLException {
        return Statements.list(c, "SELECT keyword FROM chat_keywords WHERE chat_id = ? ORDER BY " + KEYWORD_ORDER,
                rs -> rs.getString(1), chatId);
    }

    @Override
    public List<String> clearKeywords(long chatId) {
        // What the DELETE removed, not what a read before it saw: a keyword added meanwhile is reported too.
        List<String> removed = db.transaction(c -> Statements.list(c,
                "DELETE FROM chat_keywords WHERE chat_id = ? RETURNING keyword, created_at, key",
                rs -> new Removed(rs.getString(1), rs.getLong(2), rs.getString(3)), chatId)).stream()
                .sorted(Removed.OLDEST_FIRST).map(Removed::keyword).toList();
        changed(removed.size());
        return removed;
    }

    /** A keyword as DELETE ... RETURNING gives it, in no particular order. */
    private record Removed(String keyword, long createdAt, String key) {
        /** As {@link #KEYWORD_ORDER}. */
        static final Comparator<Removed> OLDEST_FIRST = Comparator.comparingLong(Removed::createdAt)
                .thenComparing(Removed::key);
    }

    @Override
    public void setSourceEnabled(long chatId, String sourceId, boolean enabled) {
        changed(db.transaction(c -> Statements.update(c, """
                INSERT INTO chat_sources(chat_id, source_id, enabled) VALUES (?, ?, ?)
                ON CONFLICT(chat_id, source_id) DO UPDATE SET enabled = excluded.enabled""",
                chatId, sourceId, enabled ? 1 : 0)));
    }

    @Override
    public Set<String> disabledSources(long chatId) {
        return Set.copyOf(db.read(c -> Statements.list(c,
                "SELECT source_id FROM chat_sources WHERE chat_id = ? AND enabled = 0", rs -> rs.getString(1), chatId)));
    }

    @Override
    public Map<String, Set<String>> chosenSections(long chatId) {
        Map<String, Set<String>> chosen = new HashMap<>();
        for (String[] row : db.read(c -> Statements.list(c, "SELECT source_id, category FROM chat_sections WHERE chat_id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, chatId))) {
            chosen.computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]);
        }
        return chosen;
    }

    @Override
    public void setSections(long chatId, String sourceId, Set<String> sections) {
        changed(1 + db.transaction(c -> {
            lockChat(c, chatId); // two choices at once: the later one wins whole, not a mix of both
            int n = Statements.update(c, "DELETE FROM chat_sections WHERE chat_id = ? AND source_id = ?", chatId, sourceId);
            for (String section : sections) {
                n += Statements.update(c, "INSERT INTO chat_sections(chat_id, source_id, category) VALUES (?, ?, ?)",
                        chatId, sourceId, section);
            }
            return n;
        }));
    }

    @Override
    public ChatCounts counts() {
        return db.read(c -> Statements.first(c, """
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN active = 1 AND subscribed = 1 THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN active = 1 AND subscribed = 1 AND kind = 'PRIVATE' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN active = 1 AND subscribed = 1 AND kind IN ('GROUP', 'SUPERGROUP')
                                    THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN active = 1 AND subscribed = 1 AND kind = 'CHANNEL' THEN 1 ELSE 0 END), 0)
                FROM chats""",
                rs -> new ChatCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(1) - rs.getLong(2))).orElseThrow());
    }

    @Override
    public List<Subscriber> subscribers() {
        return db.read(SubscriberLoader::load);
    }

    @Override
    public long version() {
        return version.get();
    }

    /**
     * Holds the chat's row until the transaction ends, so a read-then-write of its choices is not interleaved with
     * another on PostgreSQL (SQLite's single writer already serialises them).
     */
    private void lockChat(Connection c, long chatId) throws SQLException {
        if (db.engine() == Engine.POSTGRESQL) {
            Statements.exists(c, "SELECT 1 FROM chats WHERE id = ? FOR NO KEY UPDATE", chatId);
        }
    }

    private int changed(int rows) {
        if (rows > 0) {
            version.incrementAndGet();
        }
        return rows;
    }

    private long now() {
        return clock.millis();
    }

    static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }
}
