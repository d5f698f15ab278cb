package app.khobor.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The versioned schema scripts of one engine: classpath resources {@code <folder>/V1.sql, V2.sql, ...}. Both engines
 * have the same numbers, each script the same change written for its engine, so a database of either engine at
 * version N has the same tables and columns. Which ran is recorded in {@code schema_version}.
 */
final class Migrations {
    /** Missing numbers in a row after which there are no more scripts. */
    static final int GAP = 3;

    /** One script, to run in the migration's transaction. */
    record Script(int version, String sql) {}

    private final String folder;

    Migrations(String folder) {
        this.folder = folder;
    }

    static final String VERSION_TABLE =
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";

    /** The versions {@code schema_version} records. */
    static Set<Long> applied(Connection c) throws SQLException {
        return Set.copyOf(Statements.list(c, "SELECT version FROM schema_version", rs -> rs.getLong(1)));
    }

    /**
     * Every script not applied yet, in order. A missing number is skipped (branches number their migrations ahead,
     * each self-contained), so a V6 that arrives after V7 ran still runs.
     */
    List<Script> pending(Set<Long> applied) {
        List<Script> scripts = new ArrayList<>();
        for (int v = 1, missing = 0; missing < GAP; v++) {
            String sql = applied.contains((long) v) ? "" : script(v);
            if (sql == null) {
                missing++;
                continue;
            }
            missing = 0;
            if (!sql.isEmpty()) {
                scripts.add(new Script(v, sql));
            }
        }
        return scripts;
    }

    /** Records a script as applied, in the transaction that ran it. */
    static void record(Connection c, int version, String appliedAt) throws SQLException {
        Statements.update(c, "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)", version, appliedAt);
    }

    private String script(int version) {
        try (InputStream in = Database.class.getResourceAsStream("/" + folder + "/V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot read migration " + folder + "/V" + version, e);
        }
    }
}
