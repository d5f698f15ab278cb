package app.khobor.chat;

import app.khobor.db.Engine;
import app.khobor.db.Statements;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Moves a chat to a new id when Telegram turned a group into a supergroup. Runs inside the caller's transaction.
 * If the new id already talked to the bot (someone sent /start in the supergroup first), the two rows merge.
 *
 * <p>Telegram tells of a migration twice (migrate_to_chat_id in the old group, migrate_from_chat_id in the new one),
 * and on PostgreSQL both may run at once: the old chat's row is locked first, so the second waits and then finds it
 * gone. A /start in the new chat meanwhile makes the new row appear: the insert then merges instead.
 */
final class ChatMigration {
    private ChatMigration() {}

    /** @return false when the old chat is unknown (nothing to move) */
    static boolean run(Connection c, Engine engine, long oldId, long newId, long nowMillis) throws SQLException {
        if (oldId == newId || !Statements.exists(c, "SELECT 1 FROM chats WHERE id = ?"
                + (engine == Engine.POSTGRESQL ? " FOR UPDATE" : ""), oldId)) {
            return false;
        }
        int inserted = Statements.update(c, """
                INSERT INTO chats(id, kind, active, inactive_reason, subscribed, subscribed_at, created_at, updated_at)
                SELECT ?, 'SUPERGROUP', active, inactive_reason, subscribed, subscribed_at, created_at, ?
                FROM chats WHERE id = ?
                ON CONFLICT(id) DO NOTHING""", newId, nowMillis, oldId);
        if (inserted == 0) {
            mergeChatRow(c, oldId, newId, nowMillis);
        }
        // The new chat's own keywords and choices win: they are the more recent wish.
        Statements.update(c, """
                INSERT INTO chat_keywords(chat_id, keyword, key, created_at)
                SELECT ?, keyword, key, created_at FROM chat_keywords WHERE chat_id = ?
                ON CONFLICT DO NOTHING""", newId, oldId);
        Statements.update(c, """
                INSERT INTO chat_sources(chat_id, source_id, enabled)
                SELECT ?, source_id, enabled FROM chat_sources WHERE chat_id = ?
                ON CONFLICT DO NOTHING""", newId, oldId);
        Statements.update(c, """
                INSERT INTO chat_sections(chat_id, source_id, category)
                SELECT ?, o.source_id, o.category FROM chat_sections o WHERE o.chat_id = ? AND NOT EXISTS
                  (SELECT 1 FROM chat_sections n WHERE n.chat_id = ? AND n.source_id = o.source_id)
                ON CONFLICT DO NOTHING""", newId, oldId, newId);
        Statements.update(c, """
                INSERT INTO chat_settings(chat_id, zone, link_preview, quiet, hourly, twice_at, quiet_hold,
                  stories, top_portals)
                SELECT ?, zone, link_preview, quiet, hourly, twice_at, quiet_hold, stories, top_portals
                FROM chat_settings WHERE chat_id = ?
                ON CONFLICT DO NOTHING""", newId, oldId);
        Statements.update(c, "DELETE FROM chats WHERE id = ?", oldId);
        return true;
    }

    /** Subscribed if either was, since the earliest subscription of the subscribed ones; the new row's activity wins. */
    private static void mergeChatRow(Connection c, long oldId, long newId, long nowMillis) throws SQLException {
        Statements.update(c, """
                UPDATE chats SET
                  subscribed_at = CASE
                    WHEN o.subscribed = 1 AND chats.subscribed = 1 AND o.subscribed_at < chats.subscribed_at
                      THEN o.subscribed_at
                    WHEN o.subscribed = 1 AND chats.subscribed = 1 THEN chats.subscribed_at
                    WHEN o.subscribed = 1 THEN o.subscribed_at
                    ELSE COALESCE(chats.subscribed_at, o.subscribed_at) END,
                  subscribed = CASE WHEN o.subscribed = 1 THEN 1 ELSE chats.subscribed END,
                  created_at = CASE WHEN o.created_at < chats.created_at THEN o.created_at ELSE chats.created_at END,
                  updated_at = ?
                FROM (SELECT subscribed, subscribed_at, created_at FROM chats WHERE id = ?) AS o
                WHERE chats.id = ?""", nowMillis, oldId, newId);
    }
}
