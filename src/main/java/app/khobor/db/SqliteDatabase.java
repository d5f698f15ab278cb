package app.khobor.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Database} on SQLite. Writes share one connection under a lock: SQLite serialises writers anyway, and one
 * writer connection avoids SQLITE_BUSY between our own threads. Reads of a file database use a second connection,
 * so in WAL mode they never wait behind a write that waits for another process's lock (a command like /latest
 * answers while /follow waits). Schema migrations are the classpath resources {@code db/migration/V1.sql, V2.sql,
 * ...} ({@link Migrations}).
 *
 * <p>Failures say what happened in plain words ({@link StorageException.Kind}). A write that finds the database
 * locked by another process is retried with backoff for up to {@link #WRITE_PATIENCE}, then refused as LOCKED. A
 * damaged file is refused at open (PRAGMA quick_check, bounded by {@link #CHECK_LIMIT}).
 */
final class SqliteDatabase implements Database {
    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

    static final String SCHEME = "jdbc:sqlite:";
    /** One wait inside SQLite for a lock; short, so a waiting write gives up the connection lock now and then. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(2);
    /** How long a write keeps retrying against another process's lock before it is refused. */
    static final Duration WRITE_PATIENCE = Duration.ofSeconds(30);
    /** quick_check reads every page; on a huge file it stops after this and start-up goes on. */
    static final Duration CHECK_LIMIT = Duration.ofSeconds(20);

    private final String url;
    private final Duration writePatience;
    private final Connection connection;
    private final Connection reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock readLock;

    private SqliteDatabase(String url, Duration writePatience, Connection connection, Connection reader) {
        this.url = url;
        this.writePatience = writePatience;
        this.connection = connection;
        this.reader = reader;
        this.readLock = reader == connection ? lock : new ReentrantLock();
    }

    /** Opens (creating the file and its folder if needed), checks and migrates. */
    static SqliteDatabase open(String jdbcUrl) {
        return open(jdbcUrl, WRITE_PATIENCE);
    }

    /** @param writePatience how long a write retries against another process's lock (tests use less) */
    static SqliteDatabase open(String jdbcUrl, Duration writePatience) {
        Connection c = null;
        try {
            Path file = createParentFolder(jdbcUrl);
            boolean existing = file != null && Files.isRegularFile(file) && Files.size(file) > 0;
            c = connect(jdbcUrl);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            if (existing) {
                IntegrityCheck.run(c, jdbcUrl, CHECK_LIMIT);
            }
            SqliteDatabase db = new SqliteDatabase(jdbcUrl, writePatience, c, c);
            db.migrate();
            return file == null ? db : db.withReader(connect(jdbcUrl));
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(c);
            StorageException.Kind kind = SqliteErrors.kindOf(e);
            if (kind == StorageException.Kind.CORRUPT) {
                // Found before the check ran (reading the schema): the same message and advice as the check's.
                throw e instanceof StorageException s && s.getMessage().contains(IntegrityCheck.ADVICE) ? s
                        : IntegrityCheck.damaged(jdbcUrl, e.getMessage(), e);
            }
            if (e instanceof StorageException s) {
                throw s;
            }
            throw new StorageException("cannot open database " + jdbcUrl, e, kind);
        }
    }

    private SqliteDatabase withReader(Connection readConnection) throws SQLException {
        try (Statement s = readConnection.createStatement()) {
            s.execute("PRAGMA query_only=1"); // read() must not change anything; this makes sure it cannot
        }
        return new SqliteDatabase(url, writePatience, connection, readConnection);
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT.toMillis());
        }
        return c;
    }

    /** The database file, or null for an in-memory or URI-style database (one connection then). */
    private static Path createParentFolder(String jdbcUrl) throws IOException {
        String file = jdbcUrl.substring(SCHEME.length());
        int query = file.indexOf('?');
        file = query >= 0 ? file.substring(0, query) : file;
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return null;
        }
        Path path = Path.of(file).toAbsolutePath();
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        return path;
    }

    @Override
    public Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public <T> T read(SqlFunction<T> work) {
        readLock.lock();
        try {
            return work.apply(reader);
        } catch (SQLException e) {
            throw failure("database read failed", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public <T> T write(SqlFunction<T> work) {
        return patiently(() -> {
            lock.lock();
            try {
                return work.apply(connection);
            } finally {
                lock.unlock();
            }
        });
    }

    @Override
    public <T> T transaction(SqlFunction<T> work) {
        return patiently(() -> {
            lock.lock();
            try {
                return inTransaction(work);
            } finally {
                lock.unlock();
            }
        });
    }

    private <T> T inTransaction(SqlFunction<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                // SQLite already rolled back (it does after SQLITE_FULL): keep the first error, which says why.
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Work on the writer, retried while another process holds the lock, up to {@link #WRITE_PATIENCE}. */
    private <T> T patiently(Attempt<T> attempt) {
        long deadline = System.nanoTime() + writePatience.toNanos();
        long pauseMillis = 50;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                return attempt.run();
            } catch (SQLException e) {
                StorageException.Kind kind = SqliteErrors.kindOf(e);
                if (kind != StorageException.Kind.LOCKED || System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw failure(attempts > 1 ? "database write failed after " + attempts + " tries"
                            : "database write failed", e);
                }
            }
            if (attempts == 1) {
                log.warn("database {}: locked by another process; retrying the write for up to {}s", url,
                        writePatience.toSeconds());
            }
            if (!pause(pauseMillis)) {
                throw new StorageException("database write interrupted while waiting for a lock on " + url,
                        new SQLException("interrupted"), StorageException.Kind.LOCKED);
            }
            pauseMillis = Math.min(pauseMillis * 2, 1_000);
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws SQLException;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException(what + " (" + url + ")", e, SqliteErrors.kindOf(e));
    }

    private static final Migrations MIGRATIONS = new Migrations("db/migration");

    private void migrate() {
        write(c -> Statements.update(c, Migrations.VERSION_TABLE));
        for (Migrations.Script script : MIGRATIONS.pending(read(Migrations::applied))) {
            transaction(c -> {
                try (Statement s = c.createStatement()) {
                    // SQLite's driver runs one statement per call: each ends with a semicolon at the end of a line.
                    for (String statement : script.sql().split(";\\s*(\\n|$)")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                }
                Migrations.record(c, script.version(), java.time.Instant.now().toString());
                return null;
            });
            log.info("database {}: applied schema migration V{}", url, script.version());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing a connection that failed to open: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        lock.lock();
        readLock.lock();
        try {
            if (reader != connection) {
                reader.close();
            }
            connection.close();
        } catch (SQLException e) {
            log.warn("closing database {}: {}", url, e.getMessage());
        } finally {
            readLock.unlock();
            lock.unlock();
        }
    }
}
