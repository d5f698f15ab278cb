package app.khobor;

import app.khobor.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of {@code khobor migrate}, and their check before either database is opened: both URLs of an engine
 * Khobor knows, a SQLite source a file that exists (opening it would create an empty one), not one database twice.
 *
 * @param help the usage was asked for; then the URLs may be null
 */
record MigrateArguments(String from, String to, boolean help) {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    /** @throws IllegalArgumentException for arguments that are not the command's, in one line for the operator */
    static MigrateArguments parse(String[] args) {
        String from = null;
        String to = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                help = true;
            } else if (arg.equals("--from") || arg.equals("--to")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("migrate: " + arg + " needs a database URL");
                }
                String url = args[++i].strip();
                if (arg.equals("--from")) {
                    from = url;
                } else {
                    to = url;
                }
            } else if (arg.startsWith("--from=")) {
                from = arg.substring("--from=".length()).strip();
            } else if (arg.startsWith("--to=")) {
                to = arg.substring("--to=".length()).strip();
            } else {
                throw new IllegalArgumentException("migrate: unknown argument '" + arg + "'");
            }
        }
        if (help) {
            return new MigrateArguments(from, to, true);
        }
        if (from == null || from.isEmpty() || to == null || to.isEmpty()) {
            throw new IllegalArgumentException("migrate needs both --from URL and --to URL");
        }
        return new MigrateArguments(from, to, false);
    }

    /** @throws IllegalArgumentException when the URLs cannot be right, before anything is opened */
    void check() {
        for (String url : List.of(from, to)) {
            if (!url.startsWith(SQLITE) && !url.startsWith(POSTGRESQL)) {
                throw new IllegalArgumentException("'" + Database.withoutPassword(url) + "' is not a database Khobor can use:"
                        + " write jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE");
            }
        }
        Path source = sqliteFile(from);
        if (from.startsWith(SQLITE) && (source == null || !Files.isRegularFile(source))) {
            // Opening would create an empty database: a mistyped path would "copy" nothing.
            throw new IllegalArgumentException("no database file at " + (source == null ? from : source));
        }
        Path target = sqliteFile(to);
        if (from.equals(to) || source != null && (source.equals(target) || sameFile(source, target))) {
            throw new IllegalArgumentException("--from and --to name the same database; --to must be a new,"
                    + " empty one");
        }
    }

    /** The file of a {@code jdbc:sqlite:FILE[?options]} URL, absolute; null for another engine or an in-memory database. */
    private static Path sqliteFile(String url) {
        if (!url.startsWith(SQLITE)) {
            return null;
        }
        String file = url.substring(SQLITE.length());
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file).toAbsolutePath().normalize();
    }

    /** Two names of one file (a link, another mount of the folder). */
    private static boolean sameFile(Path a, Path b) {
        try {
            return b != null && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
