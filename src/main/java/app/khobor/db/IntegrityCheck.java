package app.khobor.db;

import app.khobor.infra.DaemonThreads;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PRAGMA quick_check at start: a file whose pages are damaged would otherwise start, store nothing and deliver
 * nothing. Bounded in time (a huge healthy file must not keep the bot from starting): when the limit passes the
 * check is interrupted, logged, and start-up goes on.
 */
final class IntegrityCheck {
    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);
    private static final int MAX_PROBLEMS = 3;
    /** What an operator does about a damaged file. */
    static final String ADVICE = "stop the bot and restore the file from a backup, or move it away to start with an "
            + "empty database";

    private IntegrityCheck() {}

    /** @throws StorageException of kind CORRUPT, naming the file and what to do */
    static void run(Connection c, String url, Duration limit) throws SQLException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("khobor-db-check-timer"));
        try (Statement s = c.createStatement()) {
            ScheduledFuture<?> stop = timer.schedule(() -> {
                timedOut.set(true);
                cancel(s);
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check(" + MAX_PROBLEMS + ")")) {
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
            } catch (SQLException e) {
                if (timedOut.get()) {
                    log.warn("database {}: the integrity check did not finish within {}s; starting without it", url,
                            limit.toSeconds());
                    return;
                }
                if (SqliteErrors.kindOf(e) == StorageException.Kind.CORRUPT) {
                    throw damaged(url, e.getMessage(), e);
                }
                throw e;
            } finally {
                stop.cancel(false);
            }
            if (!(problems.size() == 1 && "ok".equals(problems.get(0)))) {
                throw damaged(url, String.join("; ", problems), null);
            }
        } finally {
            timer.shutdownNow();
        }
    }

    static StorageException damaged(String url, String detail, Throwable cause) {
        String file = url.startsWith(SqliteDatabase.SCHEME) ? url.substring(SqliteDatabase.SCHEME.length()) : url;
        return new StorageException("database " + file + " (" + ADVICE + ")",
                cause == null ? new SQLException("quick_check: " + detail) : cause, StorageException.Kind.CORRUPT);
    }

    private static void cancel(Statement s) {
        try {
            s.cancel();
        } catch (SQLException e) {
            log.debug("cancelling the integrity check: {}", e.getMessage());
        }
    }
}
