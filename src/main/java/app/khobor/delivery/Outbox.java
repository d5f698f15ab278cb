package app.khobor.delivery;

import app.khobor.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The durable record of every (chat, headline) delivery (table {@code outbox}, V3.sql). A row is written before the
 * message is sent and marked delivered only after Telegram accepted it, so after a crash pending rows simply resume.
 */
public final class Outbox {
    private static final int BATCH = 500;
    /**
     * Column {@code chat_kind} keeps the chat package's kind names (PRIVATE, GROUP, SUPERGROUP, CHANNEL); delivery needs
     * only "group or not", and every kind but PRIVATE is a group.
     */
    private static final String PRIVATE = "PRIVATE";
    private static final String GROUP = "GROUP";

    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    /** Records the deliveries in one transaction; a (chat, headline) already recorded is ignored. Returns rows added. */
    public int enqueue(List<Recipient> recipients, long headlineId, Instant now) {
        if (recipients.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> {
            String sql = "INSERT OR IGNORE INTO outbox(chat_id, chat_kind, headline_id, enqueued_ms) VALUES (?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int added = 0;
                for (int i = 0; i < recipients.size(); i++) {
                    Recipient r = recipients.get(i);
                    s.setLong(1, r.chatId());
                    s.setString(2, r.group() ? GROUP : PRIVATE);
                    s.setLong(3, headlineId);
                    s.setLong(4, now.toEpochMilli());
                    s.addBatch();
                    if ((i + 1) % BATCH == 0 || i == recipients.size() - 1) {
                        added += sum(s.executeBatch());
                    }
                }
                return added;
            }
        });
    }

    /**
     * One page of chats with pending rows, by ascending chat id after {@code afterChatId}, leaving out chats told to wait
     * (429) past {@code now}.
     */
    public List<PendingChat> pendingChats(long afterChatId, Instant now, int limit) {
        return db.read(c -> {
            String sql = "SELECT chat_id, MAX(chat_kind), MAX(not_before_ms) FROM outbox WHERE status = 'pending' AND chat_id > ?"
                    + " GROUP BY chat_id HAVING MAX(not_before_ms) <= ? ORDER BY chat_id LIMIT ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, afterChatId);
                s.setLong(2, now.toEpochMilli());
                s.setInt(3, limit);
                List<PendingChat> page = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        page.add(new PendingChat(rs.getLong(1), !PRIVATE.equals(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
                return page;
            }
        });
    }

    /** The oldest pending rows of one chat, leaving out those enqueued before {@code notBefore} (stale). */
    public List<PendingDelivery> pendingFor(long chatId, Instant enqueuedSince, int limit) {
        return db.read(c -> {
            String sql = "SELECT id, headline_id, enqueued_ms FROM outbox WHERE status = 'pending' AND chat_id = ?"
                    + " AND enqueued_ms >= ? ORDER BY id LIMIT ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, chatId);
                s.setLong(2, enqueuedSince.toEpochMilli());
                s.setInt(3, limit);
                List<PendingDelivery> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new PendingDelivery(rs.getLong(1), chatId, rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
                return rows;
            }
        });
    }

    public void markDelivered(Collection<Long> ids, Instant at) {
        finish(ids, "delivered", at);
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
        return db.transaction(c -> {
            String sql = "UPDATE outbox SET status = ?, finished_ms = ? WHERE id = ? AND status = 'pending'";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (long id : ids) {
                    s.setString(1, status);
                    s.setLong(2, at.toEpochMilli());
                    s.setLong(3, id);
                    s.addBatch();
                }
                return sum(s.executeBatch());
            }
        });
    }

    /** Marks pending rows enqueued before {@code cutoff} as stale; returns how many. */
    public int dropStale(Instant cutoff, Instant at) {
        return db.transaction(c -> update(c,
                "UPDATE outbox SET status = 'stale', finished_ms = ? WHERE status = 'pending' AND enqueued_ms < ?",
                at.toEpochMilli(), cutoff.toEpochMilli()));
    }

    /** The chat is gone (blocked, kicked): its pending rows are dropped; returns how many. */
    public int dropChat(long chatId, Instant at) {
        return db.transaction(c -> update(c,
                "UPDATE outbox SET status = 'dropped', finished_ms = ? WHERE status = 'pending' AND chat_id = ?",
                at.toEpochMilli(), chatId));
    }

    /**
     * The group became a supergroup: its pending rows move to the new id. A headline the new id already has stays
     * with the old id and is dropped, so the unique (chat, headline) still means exactly once. Returns rows moved.
     */
    public int moveChat(long oldChatId, long newChatId, Instant at) {
        return db.transaction(c -> {
            int moved = update(c, "UPDATE OR IGNORE outbox SET chat_id = ?, chat_kind = 'SUPERGROUP'"
                    + " WHERE status = 'pending' AND chat_id = ?", newChatId, oldChatId);
            update(c, "UPDATE outbox SET status = 'dropped', finished_ms = ? WHERE status = 'pending' AND chat_id = ?",
                    at.toEpochMilli(), oldChatId);
            return moved;
        });
    }

    /** Telegram told us to wait (429): remembered in the rows so a restart waits too. */
    public void deferChat(long chatId, Instant notBefore) {
        db.transaction(c -> update(c, "UPDATE outbox SET not_before_ms = ? WHERE status = 'pending' AND chat_id = ?",
                notBefore.toEpochMilli(), chatId));
    }

    public OutboxCounts counts() {
        return db.read(c -> {
            long[] n = new long[5];
            List<String> order = List.of("pending", "delivered", "stale", "dropped", "failed");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT status, COUNT(*) FROM outbox GROUP BY status")) {
                while (rs.next()) {
                    int i = order.indexOf(rs.getString(1));
                    if (i >= 0) {
                        n[i] = rs.getLong(2);
                    }
                }
            }
            return new OutboxCounts(n[0], n[1], n[2], n[3], n[4]);
        });
    }

    private static int update(Connection c, String sql, long a, long b) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, a);
            s.setLong(2, b);
            return s.executeUpdate();
        }
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int x : counts) {
            n += Math.max(x, 0);
        }
        return n;
    }
}
