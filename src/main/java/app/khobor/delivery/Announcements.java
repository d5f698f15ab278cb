package app.khobor.delivery;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import java.time.Instant;
import java.util.List;

/**
 * Admins' announcements (table {@code announcements}, V8): a draft while its preview waits for the confirm button,
 * then one outbox row per chat, written in the same transaction that confirms it, so a confirm happens once and a
 * crash after it loses nothing. The rows go through the normal push path, each as its own message.
 */
public final class Announcements {
    /** How an announcement ended, for the admin's count: rows delivered, dropped (chat gone), stale or failed. */
    public record Report(long id, long adminChatId, int sent, int gone, int failed) {}

    private final Database db;

    public Announcements(Database db) {
        this.db = db;
    }

    /** Stores a draft and returns its id. */
    public long draft(long adminChatId, long adminUserId, String html, Instant now) {
        return db.transaction(c -> Statements.number(c, "INSERT INTO announcements(admin_chat_id, admin_user_id, html,"
                + " created_ms) VALUES (?, ?, ?, ?) RETURNING id", adminChatId, adminUserId, html, now.toEpochMilli()));
    }

    /**
     * Confirms the draft {@code id} of this admin in this chat and queues it for the recipients. Returns the rows
     * queued, or -1 when there is no such draft (another admin's, already confirmed or cancelled, or made up).
     */
    public int confirm(long id, long adminChatId, long adminUserId, List<Recipient> recipients, Instant now) {
        return db.transaction(c -> {
            int changed = Statements.update(c, "UPDATE announcements SET status = 'sending', confirmed_ms = ?"
                    + " WHERE id = ? AND admin_chat_id = ? AND admin_user_id = ? AND status = 'draft'",
                    now.toEpochMilli(), id, adminChatId, adminUserId);
            return changed == 0 ? -1 : Outbox.enqueueAnnouncement(c, recipients, id, now);
        });
    }

    /** Cancels the draft; false when there is no such draft of this admin in this chat. */
    public boolean cancel(long id, long adminChatId, long adminUserId) {
        return db.transaction(c -> Statements.update(c, "UPDATE announcements SET status = 'cancelled'"
                + " WHERE id = ? AND admin_chat_id = ? AND admin_user_id = ? AND status = 'draft'",
                id, adminChatId, adminUserId)) > 0;
    }

    /** Announcements being sent whose every row is finished, with their counts. */
    public List<Report> finished() {
        return db.read(c -> Statements.list(c, """
                SELECT a.id, a.admin_chat_id,
                  COALESCE(SUM(CASE WHEN o.status = 'delivered' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN o.status = 'dropped' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN o.status IN ('failed', 'stale') THEN 1 ELSE 0 END), 0)
                FROM announcements a LEFT JOIN outbox o ON o.announcement_id = a.id
                WHERE a.status = 'sending'
                GROUP BY a.id, a.admin_chat_id
                HAVING COALESCE(SUM(CASE WHEN o.status = 'pending' THEN 1 ELSE 0 END), 0) = 0 ORDER BY a.id""",
                rs -> new Report(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))));
    }

    /** Marks the announcement reported; false when it already was (so the count goes once). */
    public boolean markReported(long id) {
        return db.transaction(c -> Statements.update(c,
                "UPDATE announcements SET status = 'reported' WHERE id = ? AND status = 'sending'", id)) > 0;
    }
}
