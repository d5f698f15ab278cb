package app.khobor.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code khobor backup FILE}: a consistent copy of the SQLite database, taken while the bot runs. SQLite's
 * {@code VACUUM INTO} copies one snapshot inside a read transaction; the bot's database is in WAL mode, where a
 * reader blocks no writer, so the bot goes on polling and sending meanwhile. The copy is compact and whole in one
 * file (no -wal file beside it). Written to {@code FILE.partial} first and renamed, so a file named FILE is always
 * whole. Never migrates or creates anything but the copy.
 *
 * <p>A PostgreSQL database is backed up with the server's own tool, pg_dump, which takes a consistent snapshot too;
 * the command says so instead of copying.
 */
public final class Backup {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private Backup() {}

    /** @throws IllegalArgumentException for a problem of the operator's (no database there, FILE exists) */
    public static long copy(String jdbcUrl, Path target) throws IOException, SQLException {
        if (jdbcUrl.startsWith(POSTGRESQL)) {
            throw new IllegalArgumentException("backup copies SQLite databases only; back up a PostgreSQL database with"
                    + " pg_dump (e.g. pg_dump -Fc -f khobor.dump DATABASE), also while the bot runs");
        }
        if (!jdbcUrl.startsWith(SQLITE)) {
            throw new IllegalArgumentException("backup copies SQLite databases only; storage url is " + jdbcUrl);
        }
        Path source = databaseFile(jdbcUrl);
        if (source == null || !Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no database file at " + (source == null ? jdbcUrl : source));
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists; choose a new file name");
        }
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try (Connection c = DriverManager.getConnection(SQLITE + source);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            s.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(absolute);
    }

    /** The file of a {@code jdbc:sqlite:FILE[?options]} URL; null for an in-memory database. */
    static Path databaseFile(String url) {
        String file = url.substring(SQLITE.length());
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file);
    }
}
