package app.khobor.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Database} on SQLite. One connection serves all threads under a lock: SQLite serialises
 * writers anyway, and a single connection avoids SQLITE_BUSY between our own threads. Schema migrations are the
 * classpath resources {@code db/migration/V1.sql, V2.sql, ...}, applied in order, each once, recorded in
 * {@code schema_version}.
 */
final class SqliteDatabase implements Database {
    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

    static final String SCHEME = "jdbc:sqlite:";

    private final String url;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteDatabase(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /** Opens (creating the file and its folder if needed) and migrates. */
    static SqliteDatabase open(String jdbcUrl) {
        try {
            createParentFolder(jdbcUrl);
            Connection c = DriverManager.getConnection(jdbcUrl);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            SqliteDatabase db = new SqliteDatabase(jdbcUrl, c);
            try {
                db.migrate();
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot open database " + jdbcUrl, e);
        }
    }

    private static void createParentFolder(String jdbcUrl) throws IOException {
        String file = jdbcUrl.substring(SCHEME.length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public <T> T read(SqlFunction<T> work) {
        return alone(work, "database read failed");
    }

    @Override
    public <T> T write(SqlFunction<T> work) {
        return alone(work, "database write failed");
    }

    /** Runs {@code work} alone on the connection, in auto-commit mode. */
    private <T> T alone(SqlFunction<T> work, String failure) {
        lock.lock();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException(failure, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T transaction(SqlFunction<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database write failed", e);
        } finally {
            lock.unlock();
        }
    }

    private void migrate() {
        write(c -> Statements.update(c,
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
        long current = read(c -> Statements.number(c, "SELECT MAX(version) FROM schema_version"));
        for (int v = (int) current + 1; ; v++) {
            String sql = migrationScript(v);
            if (sql == null) {
                break;
            }
            int version = v;
            transaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String statement : sql.split(";\\s*(\\n|$)")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                }
                Statements.update(c, "INSERT INTO schema_version(version, applied_at) VALUES (?, datetime('now'))", version);
                return null;
            });
            log.info("database {}: applied schema migration V{}", url, version);
        }
    }

    private static String migrationScript(int version) {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot read migration V" + version, e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing database {}: {}", url, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
