package app.khobor.db;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole tables copied from one database into another, of either engine, every column and id as it is: what
 * {@code khobor migrate} is made of. The source is read in one snapshot (one read transaction), so rows that refer to
 * each other arrive together; the target is written in one transaction, so a failure leaves it as it was. Rows
 * stream: from the source through a cursor, into the target in batches of {@value #CHUNK}, so the heap holds one
 * chunk whatever the size of the history.
 */
public final class DatabaseCopy {
    private static final Logger log = LoggerFactory.getLogger(DatabaseCopy.class);

    /** Rows read from the source before they go to the target, as batches ({@link Statements#batch}). */
    static final int CHUNK = 2_000;

    /**
     * A table to copy.
     *
     * @param orderBy      the columns of its primary key: rows go in that order (and the copy is the same each time)
     * @param generatedIds its {@code id} is generated (SQLite AUTOINCREMENT, a PostgreSQL identity): the target's
     *                     counter is moved past the copied ids
     */
    public record Table(String name, String orderBy, boolean generatedIds) {}

    /** Told each table's row count once it is copied, inside the target's transaction (so it may count what landed). */
    @FunctionalInterface
    public interface Progress {
        void copied(Table table, long rows, Connection target) throws SQLException;
    }

    private final Database from;
    private final Database to;

    private DatabaseCopy(Database from, Database to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Copies {@code tables}, in the order given (parents before the tables whose foreign keys point at them), into
     * {@code to}, which should be empty; returns the rows copied. The columns copied are the target's: both databases
     * are at the same schema version, so they are the source's too.
     *
     * @throws StorageException naming the table and the database that failed; the target is unchanged then
     */
    public static long copy(Database from, Database to, List<Table> tables, Progress progress) {
        return new DatabaseCopy(from, to).copy(tables, progress);
    }

    private long copy(List<Table> tables, Progress progress) {
        return from.read(source -> {
            Snapshot snapshot = Snapshot.begin(source, from.engine());
            try {
                return to.transaction(target -> {
                    long total = 0;
                    for (Table table : tables) {
                        total += copy(table, source, target, progress);
                    }
                    return total;
                });
            } finally {
                snapshot.end();
            }
        });
    }

    private long copy(Table table, Connection source, Connection target, Progress progress) {
        boolean writing = true;
        try {
            List<String> columns = columns(target, table.name());
            String names = String.join(", ", columns);
            String insert = "INSERT INTO " + table.name() + " (" + names + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            long rows = 0;
            writing = false;
            try (PreparedStatement select = source.prepareStatement("SELECT " + names + " FROM " + table.name()
                    + " ORDER BY " + table.orderBy())) {
                select.setFetchSize(CHUNK); // PostgreSQL streams through a cursor only with a fetch size (and no autocommit)
                try (ResultSet rs = select.executeQuery()) {
                    List<Object[]> chunk = new ArrayList<>(CHUNK);
                    boolean more = rs.next();
                    while (more) {
                        chunk.add(row(rs, columns.size()));
                        more = rs.next();
                        if (chunk.size() == CHUNK || !more) {
                            writing = true;
                            write(target, insert, chunk);
                            writing = false;
                            rows += chunk.size();
                            chunk.clear();
                        }
                    }
                }
            }
            if (table.generatedIds()) {
                long counter = counter(source, from.engine(), table.name());
                writing = true;
                continueIds(target, table.name(), counter);
            }
            writing = true;
            progress.copied(table, rows, target);
            return rows;
        } catch (SQLException e) {
            Database failed = writing ? to : from;
            StorageException.Kind kind = failed.engine() == Engine.SQLITE ? SqliteErrors.kindOf(e)
                    : PostgresErrors.kindOf(e);
            throw new StorageException("copying " + table.name() + ": " + (writing ? "writing " : "reading ")
                    + failed.url() + " failed", e, kind);
        }
    }

    private static void write(Connection target, String insert, List<Object[]> rows) throws SQLException {
        try {
            Statements.batch(target, insert, rows, row -> row);
        } catch (BatchUpdateException e) {
            // The driver's own message only points at getNextException; the next one says what was wrong.
            SQLException why = e.getNextException();
            if (why == null) {
                throw e;
            }
            String entry = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s) was aborted.*", "");
            throw new SQLException(why.getMessage() + (entry.isEmpty() ? "" : " (" + entry + ")"), why.getSQLState(),
                    why.getErrorCode(), why);
        }
    }

    private static Object[] row(ResultSet rs, int columns) throws SQLException {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
        }
        return row;
    }

    /** The table's columns in the target, in their order there. */
    private static List<String> columns(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            return columns;
        }
    }

    /**
     * The highest id the source's counter ever handed out (0 when none): ids of deleted rows (a purged headline) are
     * above the highest copied one at times, and must not be handed out again.
     */
    private static long counter(Connection source, Engine engine, String table) throws SQLException {
        return engine == Engine.SQLITE
                ? Statements.number(source, "SELECT seq FROM sqlite_sequence WHERE name = ?", table)
                : Statements.number(source, "SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence(?, 'id') AS regclass))",
                        table);
    }

    /** Makes the target's next generated id follow both the copied ids and the source's counter. */
    private void continueIds(Connection target, String table, long sourceCounter) throws SQLException {
        long copied = Statements.number(target, "SELECT MAX(id) FROM " + table);
        long last = Math.max(copied, sourceCounter);
        if (last <= 0) {
            return;
        }
        if (to.engine() == Engine.POSTGRESQL) {
            Statements.number(target, "SELECT setval(pg_get_serial_sequence(?, 'id'), ?)", table, last);
        } else {
            Statements.update(target, "DELETE FROM sqlite_sequence WHERE name = ?", table);
            Statements.update(target, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, last);
        }
    }

    /** The source's read transaction, so every table is read as of one moment; ended with a rollback (it wrote nothing). */
    private record Snapshot(Connection c, boolean autoCommit, int isolation) {
        static Snapshot begin(Connection c, Engine engine) throws SQLException {
            Snapshot before = new Snapshot(c, c.getAutoCommit(), c.getTransactionIsolation());
            if (engine == Engine.POSTGRESQL) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for every statement
            }
            c.setAutoCommit(false); // SQLite: a deferred BEGIN, whose first read fixes the snapshot
            return before;
        }

        /** Never fails: the copy's own outcome (committed, or the failure that stopped it) is what counts. */
        void end() {
            try {
                c.rollback();
                c.setAutoCommit(autoCommit);
                if (c.getTransactionIsolation() != isolation) {
                    c.setTransactionIsolation(isolation);
                }
            } catch (SQLException e) {
                log.warn("ending the read of the source of a copy: {}", e.getMessage());
            }
        }
    }
}
