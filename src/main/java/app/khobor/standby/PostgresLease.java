package app.khobor.standby;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease row in PostgreSQL ({@code khobor_lease}): who holds it, its epoch, and when it lapses by the server's clock.
 * Taking it is one statement (insert, or update only where it has lapsed), so two processes racing for it cannot both
 * win. The lease keeps its own connection, apart from the pool the stores use, so a busy pool cannot starve renewal;
 * every statement has a timeout shorter than the lease, so a hung network shows as a failed renewal in time.
 *
 * <p>A database error answers "not held": a process that cannot reach the database must assume another took over.
 */
public final class PostgresLease implements Lease {
    private static final Logger log = LoggerFactory.getLogger(PostgresLease.class);

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS khobor_lease (
                name       TEXT PRIMARY KEY,
                holder     TEXT NOT NULL,
                epoch      BIGINT NOT NULL,
                expires_at TIMESTAMPTZ NOT NULL
            )""";

    private static final String ACQUIRE = """
            INSERT INTO khobor_lease AS l (name, holder, epoch, expires_at)
            VALUES (?, ?, 1, clock_timestamp() + ? * INTERVAL '1 millisecond')
            ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, epoch = l.epoch + 1,
                expires_at = EXCLUDED.expires_at
            WHERE l.expires_at < clock_timestamp()
            RETURNING epoch""";

    private static final String RENEW = """
            UPDATE khobor_lease SET expires_at = clock_timestamp() + ? * INTERVAL '1 millisecond'
            WHERE name = ? AND holder = ? AND epoch = ? AND expires_at > clock_timestamp()""";

    private static final String RELEASE = """
            UPDATE khobor_lease SET expires_at = clock_timestamp() - INTERVAL '1 millisecond'
            WHERE name = ? AND holder = ? AND epoch = ?""";

    private final String url;
    private final Properties credentials;
    private final String name;
    private final String holder;
    private final Duration term;
    private Connection connection;

    /**
     * @param name   the lease's name: processes sharing it compete (one bot, one name)
     * @param holder this process, for logs and for the row ("host:pid")
     * @param term   how long a taken or renewed lease lasts without renewal
     */
    public PostgresLease(String url, Properties credentials, String name, String holder, Duration term) {
        this.url = url;
        this.credentials = credentials;
        this.name = name;
        this.holder = holder;
        this.term = term;
    }

    @Override
    public synchronized OptionalLong acquire() {
        try (PreparedStatement st = connection().prepareStatement(ACQUIRE)) {
            st.setString(1, name);
            st.setString(2, holder);
            st.setLong(3, term.toMillis());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            dropConnection("taking the lease", e);
            return OptionalLong.empty();
        }
    }

    @Override
    public synchronized boolean renew(long epoch) {
        try (PreparedStatement st = connection().prepareStatement(RENEW)) {
            st.setLong(1, term.toMillis());
            st.setString(2, name);
            st.setString(3, holder);
            st.setLong(4, epoch);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            dropConnection("renewing the lease", e);
            return false;
        }
    }

    @Override
    public synchronized void release(long epoch) {
        try (PreparedStatement st = connection().prepareStatement(RELEASE)) {
            st.setString(1, name);
            st.setString(2, holder);
            st.setLong(3, epoch);
            st.executeUpdate();
        } catch (SQLException e) {
            dropConnection("releasing the lease", e);
        }
    }

    @Override
    public synchronized void close() {
        dropConnection(null, null);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Properties p = new Properties();
            p.putAll(credentials);
            // A statement that hangs longer than a third of the term is a lost renewal, not a wait.
            long seconds = Math.max(1, term.toSeconds() / 3);
            p.setProperty("socketTimeout", String.valueOf(seconds));
            p.setProperty("connectTimeout", String.valueOf(seconds));
            p.setProperty("ApplicationName", "khobor-lease");
            Connection c = DriverManager.getConnection(url, p);
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute(TABLE);
            }
            connection = c;
        }
        return connection;
    }

    private void dropConnection(String doing, SQLException cause) {
        if (cause != null) {
            log.warn("lease '{}': {} failed ({}); treating the lease as not held", name, doing, cause.getMessage());
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; a new connection is made at the next call.
            }
            connection = null;
        }
    }
}
