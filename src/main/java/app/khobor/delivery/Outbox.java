package app.khobor.delivery;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.news.StoredHeadline;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable record of every (chat, headline) delivery (table {@code outbox}, V3.sql). A row is written before the
 * message is sent and marked delivered only after Telegram accepted it, so after a crash pending rows simply resume.
 *
 * <p>The same on both engines, also when several connections write at once (PostgreSQL's pool): a (chat, item) is
 * recorded once (a unique key and ON CONFLICT DO NOTHING), a row leaves {@code pending} once (every change is
 * conditional on the status), and a story's copies are decided one headline at a time ({@link StoryRule}).
 */
public final class Outbox {
    /**
     * Column {@code chat_kind} keeps the chat package's kind names (PRIVATE, GROUP, SUPERGROUP, CHANNEL); delivery needs
     * only "group or not", and every kind but PRIVATE is a group.
     */
    private static final String PRIVATE = "PRIVATE";
    private static final String GROUP = "GROUP";
    /** PostgreSQL's SQLSTATE for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final StoryRule stories;

    /** Top stories count the portals within two hours of a story's first headline. */
    public Outbox(Database db) {
        this(db, Duration.ofHours(2));
    }

    /** @param topWithin top stories count the portals carrying a story within this time of its first headline */
    public Outbox(Database db, Duration topWithin) {
        this.db = db;
        this.stories = new StoryRule(topWithin);
    }

    /**
     * Records a headline's deliveries as its story allows ({@link StoryRule}), in one transaction: a row for each chat
     * that gets it, a {@code merged} row for each chat that has its story already, none for a top-stories chat the
     * story has not reached yet. A (chat, headline) already recorded is ignored. Returns the rows to send added.
     */
    public int enqueue(List<Recipient> recipients, StoredHeadline headline, Instant now) {
        if (recipients.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> {
            StoryRule.Decision decision = stories.decide(c, db.engine(), headline);
            List<Recipient> send = new ArrayList<>();
            List<Recipient> merged = new ArrayList<>();
            for (Recipient r : recipients) {
                switch (decision.rowFor(r.chatId())) {
                    case PENDING -> send.add(r);
                    case MERGED -> merged.add(r);
                    case NONE -> { }
                }
            }
            Statements.batch(c, "INSERT INTO outbox(chat_id, chat_kind, headline_id, enqueued_ms, status,"
                    + " finished_ms) VALUES (?, ?, ?, ?, 'merged', ?) ON CONFLICT DO NOTHING", merged,
                    r -> new Object[] {r.chatId(), r.group() ? GROUP : PRIVATE, headline.id(), now.toEpochMilli(),
                            now.toEpochMilli()});
            return Statements.batch(c,
                    "INSERT INTO outbox(chat_id, chat_kind, headline_id, enqueued_ms) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING", send,
                    r -> new Object[] {r.chatId(), r.group() ? GROUP : PRIVATE, headline.id(), now.toEpochMilli()});
        });
    }

    /** Records the deliveries in one transaction; a (chat, headline) already recorded is ignored. Returns rows added. */
    public int enqueue(List<Recipient> recipients, long headlineId, Instant now) {
        if (recipients.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> Statements.batch(c,
                "INSERT INTO outbox(chat_id, chat_kind, headline_id, enqueued_ms) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING", recipients,
                r -> new Object[] {r.chatId(), r.group() ? GROUP : PRIVATE, headlineId, now.toEpochMilli()}));
    }

    /**
     * Records an announcement's deliveries (V8) inside the caller's transaction; a chat that already has it is
     * ignored. Returns rows added.
     */
    static int enqueueAnnouncement(java.sql.Connection c, List<Recipient> recipients, long announcementId, Instant now)
            throws java.sql.SQLException {
        return Statements.batch(c,
                "INSERT INTO outbox(chat_id, chat_kind, announcement_id, enqueued_ms) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                recipients, r -> new Object[] {r.chatId(), r.group() ? GROUP : PRIVATE, announcementId, now.toEpochMilli()});
    }

    /**
     * The other headlines of {@code headline}'s story that the chat was neither sent nor has queued (other portals'
     * copies it got merged, or a top story's earlier copies), oldest first, at most {@code limit}.
     */
    public List<Long> otherCopies(long chatId, long headlineId, long storyId, int limit) {
        return db.read(c -> Statements.list(c, """
                SELECT h.id FROM headlines h WHERE h.story_id = ? AND h.id <> ? AND NOT EXISTS (
                  SELECT 1 FROM outbox o WHERE o.chat_id = ? AND o.headline_id = h.id AND o.status IN ('pending', 'delivered'))
                ORDER BY h.id LIMIT ?""", rs -> rs.getLong(1), storyId, headlineId, chatId, limit));
    }

    /**
     * The messages to edit now that {@code headline} was merged for some chats: each such chat's delivered single push
     * of the same story, sent within {@code since} (older messages may no longer be editable), at most {@code limit}.
     */
    List<StoryEdit> editsFor(StoredHeadline headline, Instant since, Instant now, int limit) {
        if (!headline.joinedStory()) {
            return List.of();
        }
        return db.read(c -> Statements.list(c, """
                SELECT o.chat_id, o.chat_kind, o.id, o.message_id, o.headline_id
                FROM outbox m JOIN headlines h ON h.story_id = ? JOIN outbox o ON o.chat_id = m.chat_id AND o.headline_id = h.id
                WHERE m.headline_id = ? AND m.status = 'merged' AND o.status = 'delivered' AND o.message_id IS NOT NULL
                  AND o.finished_ms >= ?
                LIMIT ?""", rs -> new StoryEdit(rs.getLong(1), !PRIVATE.equals(rs.getString(2)), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), headline.storyId(), now),
                headline.storyId(), headline.id(), since.toEpochMilli(), limit));
    }

    /** How many other portals the message of a delivered row lists (V12 story_more). */
    int storyMore(long rowId) {
        return db.read(c -> Statements.first(c, "SELECT story_more FROM outbox WHERE id = ?", rs -> rs.getInt(1), rowId))
                .orElse(Integer.MAX_VALUE);
    }

    /**
     * The message of a delivered row now lists {@code more} other portals (or cannot be edited: then it stays so). Only
     * grows: an edit that lists fewer, finishing after one that listed more, does not lower it.
     */
    void setStoryMore(long rowId, int more) {
        db.transaction(c -> Statements.update(c, "UPDATE outbox SET story_more = ? WHERE id = ? AND story_more < ?",
                more, rowId, more));
    }

    /** The text of an announcement as sent (V8), or null when there is none with this id. */
    String announcementHtml(long announcementId) {
        List<String> html = db.read(c -> Statements.list(c, "SELECT html FROM announcements WHERE id = ?",
                rs -> rs.getString(1), announcementId));
        return html.isEmpty() ? null : html.get(0);
    }

    /**
     * One page of chats with pending rows, by ascending chat id after {@code afterChatId}, leaving out chats told to wait
     * (429) past {@code now}.
     */
    public List<PendingChat> pendingChats(long afterChatId, Instant now, int limit) {
        return db.read(c -> Statements.list(c,
                "SELECT chat_id, MAX(chat_kind), MAX(not_before_ms) FROM outbox WHERE status = 'pending' AND chat_id > ?"
                        + " GROUP BY chat_id HAVING MAX(not_before_ms) <= ? ORDER BY chat_id LIMIT ?",
                rs -> new PendingChat(rs.getLong(1), !PRIVATE.equals(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))),
                afterChatId, now.toEpochMilli(), limit));
    }

    /** The oldest pending rows of one chat, leaving out those enqueued before {@code enqueuedSince} (stale). */
    public List<PendingDelivery> pendingFor(long chatId, Instant enqueuedSince, int limit) {
        return db.read(c -> Statements.list(c,
                "SELECT id, COALESCE(headline_id, 0), enqueued_ms, COALESCE(announcement_id, 0) FROM outbox"
                        + " WHERE status = 'pending' AND chat_id = ? AND enqueued_ms >= ? ORDER BY id LIMIT ?",
                rs -> new PendingDelivery(rs.getLong(1), chatId, rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getLong(4)),
                chatId, enqueuedSince.toEpochMilli(), limit));
    }

    public void markDelivered(Collection<Long> ids, Instant at) {
        finish(ids, "delivered", at);
    }

    /** The same, keeping the message id Telegram gave each single push (V12), where {@code messageIds} has one. */
    void markDelivered(Collection<Long> ids, Map<Long, Long> messageIds, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        db.transaction(c -> Statements.batch(c, "UPDATE outbox SET status = 'delivered', finished_ms = ?, message_id = ?"
                + " WHERE id = ? AND status = 'pending'", inLockOrder(ids),
                id -> new Object[] {at.toEpochMilli(), messageIds.get(id), id}));
    }

    public void markFailed(Collection<Long> ids, Instant at) {
        finish(ids, "failed", at);
    }

    /** The chat no longer wants these (/stop, a source turned off, other keywords); returns how many were pending. */
    public int markDropped(Collection<Long> ids, Instant at) {
        return finish(ids, "dropped", at);
    }

    /** Only pending rows change, so a row already delivered stays delivered. Returns how many changed. */
    private int finish(Collection<Long> ids, String status, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> Statements.batch(c,
                "UPDATE outbox SET status = ?, finished_ms = ? WHERE id = ? AND status = 'pending'", inLockOrder(ids),
                id -> new Object[] {status, at.toEpochMilli(), id}));
    }

    /**
     * Rows by ascending id: on PostgreSQL each UPDATE locks its row until the transaction ends, and two batches
     * locking the same rows in opposite orders (a send finishing while a /stop drops the chat's rows) deadlock.
     */
    private static List<Long> inLockOrder(Collection<Long> ids) {
        return ids.stream().sorted().toList();
    }

    /** Each chat's oldest pending row enqueued before {@code cutoff} (a row held by the chat's schedule may be). */
    public List<PendingDelivery> oldestPendingBefore(Instant cutoff) {
        return db.read(c -> Statements.list(c,
                "SELECT MIN(id), chat_id, 0, MIN(enqueued_ms) FROM outbox WHERE status = 'pending' AND enqueued_ms < ?"
                        + " GROUP BY chat_id",
                rs -> new PendingDelivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4))),
                cutoff.toEpochMilli()));
    }

    /** One chat's pending rows enqueued before {@code cutoff}, oldest first. */
    public List<PendingDelivery> pendingBefore(long chatId, Instant cutoff) {
        return db.read(c -> Statements.list(c,
                "SELECT id, headline_id, enqueued_ms FROM outbox WHERE status = 'pending' AND chat_id = ?"
                        + " AND enqueued_ms < ? ORDER BY id",
                rs -> new PendingDelivery(rs.getLong(1), chatId, rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))),
                chatId, cutoff.toEpochMilli()));
    }

    /** Waited longer than maxAge past their release; returns how many were pending. */
    public int markStale(Collection<Long> ids, Instant at) {
        return finish(ids, "stale", at);
    }

    /** Marks pending rows enqueued before {@code cutoff} as stale; returns how many. */
    public int dropStale(Instant cutoff, Instant at) {
        return db.transaction(c -> Statements.update(c,
                "UPDATE outbox SET status = 'stale', finished_ms = ? WHERE status = 'pending' AND enqueued_ms < ?",
                at.toEpochMilli(), cutoff.toEpochMilli()));
    }

    /** The chat is gone (blocked, kicked): its pending rows are dropped; returns how many. */
    public int dropChat(long chatId, Instant at) {
        return db.transaction(c -> Statements.update(c,
                "UPDATE outbox SET status = 'dropped', finished_ms = ? WHERE status = 'pending' AND chat_id = ?",
                at.toEpochMilli(), chatId));
    }

    /**
     * The group became a supergroup: its pending rows move to the new id. A headline the new id already has stays
     * with the old id and is dropped, so the unique (chat, headline) still means exactly once. Returns rows moved.
     *
     * <p>Row by row, each under a savepoint: on PostgreSQL a row for the new id may be enqueued while the move runs,
     * too late for the move's check to see it; the move of that one row then fails on the unique key and is undone
     * alone, and the row stays with the old id to be dropped.
     */
    public int moveChat(long oldChatId, long newChatId, Instant at) {
        return db.transaction(c -> {
            int moved = 0;
            for (long id : Statements.list(c, "SELECT id FROM outbox WHERE status = 'pending' AND chat_id = ? ORDER BY id",
                    rs -> rs.getLong(1), oldChatId)) {
                Savepoint before = c.setSavepoint();
                try {
                    moved += Statements.update(c, """
                            UPDATE outbox SET chat_id = ?, chat_kind = 'SUPERGROUP' WHERE id = ? AND status = 'pending'
                              AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.chat_id = ?
                                AND (n.headline_id = outbox.headline_id OR n.announcement_id = outbox.announcement_id))""",
                            newChatId, id, newChatId);
                    c.releaseSavepoint(before);
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(before);
                }
            }
            Statements.update(c, "UPDATE outbox SET status = 'dropped', finished_ms = ? WHERE status = 'pending' AND chat_id = ?",
                    at.toEpochMilli(), oldChatId);
            return moved;
        });
    }

    /** Telegram told us to wait (429): remembered in the rows so a restart waits too. */
    public void deferChat(long chatId, Instant notBefore) {
        db.transaction(c -> Statements.update(c, "UPDATE outbox SET not_before_ms = ? WHERE status = 'pending' AND chat_id = ?",
                notBefore.toEpochMilli(), chatId));
    }

    /**
     * Lets the chat's parked rows go now: its schedule changed (an hourly digest switched to "at once", quiet hours
     * off), so what waited for the old one is planned again under the new one, which parks it again if it still holds.
     * A long 429's wait is cut short too; Telegram then answers 429 again and the chat waits as told.
     */
    public void unparkChat(long chatId, Instant now) {
        db.transaction(c -> Statements.update(c,
                "UPDATE outbox SET not_before_ms = 0 WHERE status = 'pending' AND chat_id = ? AND not_before_ms > ?",
                chatId, now.toEpochMilli()));
    }

    public OutboxCounts counts() {
        Map<String, Long> byStatus = new HashMap<>();
        db.read(c -> Statements.list(c, "SELECT status, COUNT(*) FROM outbox GROUP BY status",
                rs -> byStatus.put(rs.getString(1), rs.getLong(2))));
        return new OutboxCounts(byStatus.getOrDefault("pending", 0L), byStatus.getOrDefault("delivered", 0L),
                byStatus.getOrDefault("stale", 0L), byStatus.getOrDefault("dropped", 0L), byStatus.getOrDefault("failed", 0L));
    }
}
