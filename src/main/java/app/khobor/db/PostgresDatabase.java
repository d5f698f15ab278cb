package app.khobor.db;

import app.khobor.infra.DaemonThreads;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Database} on a PostgreSQL server, for operators who run several Khobor processes on one database. Every read,
 * write and transaction borrows a connection from a HikariCP pool. Schema migrations are the classpath resources
 * {@code db/postgresql/V1.sql, ...}, the same numbers as SQLite's, run under an advisory lock so two processes starting
 * together do not both migrate.
 *
 * <p>A transaction that PostgreSQL aborts for a deadlock or a serialization conflict is retried a few times: it changed
 * nothing. A lost connection is not retried: a commit may or may not have landed, and the caller's own retry (the
 * outbox's, the poller's next round) is the one that knows whether repeating is safe.
 */
final class PostgresDatabase implements Database {
    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);

    static final String SCHEME = "jdbc:postgresql:";
    static final String USER_ENV = "KHOBOR_DB_USER";
    static final String PASSWORD_ENV = "KHOBOR_DB_PASSWORD";

    /** Connections: the dispatcher's senders, the poller, commands and the ops page rarely need more at once. */
    static final int POOL_SIZE = 8;
    /** Waiting for a connection (from the pool or the server) longer than this is a failure, not a slow answer. */
    static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /** A statement whose answer does not arrive in this long is failed: a dead network must not hang a sender. */
    static final int SOCKET_TIMEOUT_SECONDS = 60;
    /** Tries of a transaction PostgreSQL aborted for a deadlock or a serialization conflict. */
    static final int CONFLICT_TRIES = 6;
    /** The longest random pause before such a retry, times the tries so far: the two sides must not meet again. */
    static final long CONFLICT_PAUSE_MILLIS = 25;
    /** The advisory lock migrations hold (any number unique to Khobor). */
    static final long MIGRATION_LOCK = 0x6b686f626f72L; // "khobor"

    private static final Migrations MIGRATIONS = new Migrations("db/postgresql");

    private static final String FENCE_CHECK = "SELECT 1 FROM khobor_lease WHERE name = ? AND epoch = ?"
            + " AND expires_at > clock_timestamp() FOR SHARE";

    private final String url;
    private final HikariDataSource pool;
    private volatile Fence fence;

    private PostgresDatabase(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** User and password from {@value #USER_ENV} and {@value #PASSWORD_ENV}, where set (else the URL's, if any). */
    static Properties credentialsFromEnvironment() {
        Properties credentials = new Properties();
        String user = System.getenv(USER_ENV);
        String password = System.getenv(PASSWORD_ENV);
        if (user != null && !user.isBlank()) {
            credentials.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        return credentials;
    }

    /** Connects, then migrates. */
    static PostgresDatabase open(String jdbcUrl, Properties credentials) {
        String shown = withoutPassword(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(credentials);
        config.setPoolName("khobor-db");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setThreadFactory(DaemonThreads.numbered("db-pool-"));
        config.addDataSourceProperty("ApplicationName", "khobor");
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS / 1000));
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            SQLException cause = e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
            throw new StorageException("cannot open database " + shown, cause, PostgresErrors.kindOf(cause));
        }
        PostgresDatabase db = new PostgresDatabase(shown, pool);
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The URL for logs: a password given in it is not shown. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void fence(Fence fence) {
        this.fence = fence;
    }

    @Override
    public <T> T read(SqlFunction<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure("database read failed", e);
        }
    }

    @Override
    public <T> T write(SqlFunction<T> work) {
        if (fence == null) {
            return retried(c -> work.apply(c), false);
        }
        return transaction(work);
    }

    @Override
    public <T> T transaction(SqlFunction<T> work) {
        return retried(work, true);
    }

    private <T> T retried(SqlFunction<T> work, boolean inTransaction) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                return inTransaction ? inTransaction(c, work) : work.apply(c);
            } catch (SQLException e) {
                if (attempt < CONFLICT_TRIES && PostgresErrors.isConflict(e) && pausedBeforeRetry(attempt)) {
                    log.debug("database {}: {}; trying again", url, e.getMessage());
                    continue;
                }
                throw failure(attempt > 1 ? "database write failed after " + attempt + " tries" : "database write failed", e);
            }
        }
    }

    private static boolean pausedBeforeRetry(int attempt) {
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextLong(CONFLICT_PAUSE_MILLIS * attempt));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> T inTransaction(Connection c, SqlFunction<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            checkFence(c);
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void checkFence(Connection c) throws SQLException {
        Fence held = fence;
        if (held != null && !Statements.exists(c, FENCE_CHECK, held.lease(), held.epoch())) {
            throw new StorageException("write refused (" + url + ", lease '" + held.lease() + "' epoch "
                    + held.epoch() + ")", new SQLException("lease lapsed or taken by another process"),
                    StorageException.Kind.FENCED);
        }
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException(what + " (" + url + ")", e, PostgresErrors.kindOf(e));
    }

    private void migrate() {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                s.execute(Migrations.VERSION_TABLE);
                for (Migrations.Script script : MIGRATIONS.pending(Migrations.applied(c))) {
                    s.execute(script.sql()); // the driver runs a script of several statements, $$ bodies included
                    Migrations.record(c, script.version(), Instant.now().toString());
                    log.info("database {}: applied schema migration V{}", url, script.version());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot migrate database", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
