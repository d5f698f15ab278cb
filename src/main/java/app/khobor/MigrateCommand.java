package app.khobor;

import app.khobor.db.Database;
import app.khobor.db.DatabaseCopy;
import app.khobor.db.DatabaseCopy.Table;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.db.StorageException;
import app.khobor.news.HeadlineWords;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code khobor migrate --from URL --to URL}: copies everything a running bot keeps (chats and their rules and
 * settings, the headline history, announcements, the outbox with its finished rows) into an empty database, of either
 * engine, ids kept: how an operator moves from SQLite to PostgreSQL. The copy is one transaction on the target
 * ({@link DatabaseCopy}): it lands whole or not at all, so a failed run is simply run again. Refuses a target that
 * holds data: it never merges.
 */
final class MigrateCommand {
    static final String USAGE = """
            usage: java -jar khobor.jar migrate --from URL --to URL
              copies chats, rules, settings, the headline history and the outbox into an empty database, e.g.
              --from jdbc:sqlite:data/khobor.db --to jdbc:postgresql://HOST/DATABASE (user and password in the URL
              or in env KHOBOR_DB_USER, KHOBOR_DB_PASSWORD); stop the bot first""";

    /**
     * What is copied, parents first (each foreign key points at a table earlier in the list). Not copied:
     * schema_version (opening the target wrote its own), khobor_lease (who is active is decided afresh), and the word
     * index, which each engine builds from the headlines (SQLite's FTS5 triggers, PostgreSQL's headline_words below).
     */
    static final List<Table> TABLES = List.of(
            new Table("source_state", "source_id", false),
            new Table("headlines", "id", true),
            new Table("chats", "id", false),
            new Table("chat_keywords", "chat_id, key", false),
            new Table("chat_sources", "chat_id, source_id", false),
            new Table("chat_sections", "chat_id, source_id, category", false),
            new Table("chat_settings", "chat_id", false),
            new Table("announcements", "id", true),
            new Table("outbox", "id", true));

    /** Tables deliberately left out (see {@link #TABLES}); a test checks that every other table is copied. */
    static final List<String> NOT_COPIED = List.of("schema_version", "khobor_lease", "headline_words");

    /** Refused before anything was changed: the operator's to fix (exit 2). */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** A failure, said in full with what it means for the target (exit 1). */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        MigrateArguments arguments;
        try {
            arguments = MigrateArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("khobor: " + e.getMessage());
            err.println(USAGE);
            return Main.EXIT_USAGE;
        }
        if (arguments.help()) {
            out.println(USAGE);
            return 0;
        }
        try {
            arguments.check();
            return migrate(arguments.from(), arguments.to(), out);
        } catch (Refused | IllegalArgumentException e) {
            err.println("khobor: migrate: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (Failed | StorageException e) {
            err.println("khobor: migrate failed: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
    }

    private int migrate(String fromUrl, String toUrl, PrintStream out) {
        try (Database from = open("source", fromUrl); Database to = open("target", batchesRewritten(toUrl))) {
            String shown = to.url().replaceFirst("[?&]reWriteBatchedInserts=true$", "");
            checkVersions(from, to);
            checkEmpty(to, shown);
            out.println("khobor: copying " + from.url() + " into " + shown
                    + " (one transaction: the target changes only if everything is copied)");
            long started = System.nanoTime();
            long rows;
            try {
                rows = DatabaseCopy.copy(from, to, TABLES, (table, count, target) ->
                        out.println("  " + describe(table.name(), count, target)));
            } catch (StorageException e) {
                throw new Failed(e.getMessage() + "; nothing was written to the target (the copy is one"
                        + " transaction): fix the cause and run migrate again");
            }
            double copied = seconds(started);
            out.println("  " + index(to));
            out.printf(Locale.ROOT, "khobor: copied %s rows in %.1f s (%s rows/s), %.1f s in all; point storage.url"
                    + " at %s%n", count(rows), copied, count(Math.round(rows / Math.max(copied, 0.001))),
                    seconds(started), shown);
            return 0;
        }
    }

    /**
     * With this option PostgreSQL's driver sends a batch as multi-row INSERTs rather than a statement per row: the word
     * index (a row per word, ten per headline) is built in about half the time. Only for this run's connections: the
     * driver then reports a rewritten batch's rows as "unknown", and the bot's stores count what a batch changed (the
     * outbox's enqueue tells duplicates apart that way).
     */
    private static String batchesRewritten(String url) {
        if (!url.startsWith("jdbc:postgresql:") || url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Database open(String role, String url) {
        try {
            return Database.open(url);
        } catch (StorageException e) {
            throw new Failed("cannot open the " + role + ": " + e.getMessage());
        }
    }

    /** A source written by a newer Khobor may have columns this one does not know: they would be lost. */
    private static void checkVersions(Database from, Database to) {
        long source = version(from);
        long target = version(to);
        if (source > target) {
            throw new Refused(from.url() + " is at schema version " + source + ", newer than this Khobor's " + target
                    + ": migrate with the Khobor that wrote it");
        }
    }

    private static long version(Database db) {
        return db.read(c -> Statements.number(c, "SELECT MAX(version) FROM schema_version"));
    }

    /** Never into a database in use: a merge would mix two bots' chats and ids. */
    private static void checkEmpty(Database to, String shown) {
        List<String> held = new ArrayList<>();
        to.read(c -> {
            for (Table table : TABLES) {
                long rows = Statements.number(c, "SELECT COUNT(*) FROM " + table.name());
                if (rows > 0) {
                    held.add(count(rows) + " " + table.name());
                }
            }
            return null;
        });
        if (!held.isEmpty()) {
            throw new Refused(shown + " already holds data (" + String.join(", ", held) + "); migrate copies into"
                    + " an empty database only and changed nothing: name a new database, or drop this one's tables");
        }
    }

    /** One table's line of the report, in the operator's words. */
    private static String describe(String table, long rows, Connection target) throws SQLException {
        return switch (table) {
            case "source_state" -> "sources' read state: " + count(rows);
            case "chats" -> "chats: " + count(rows) + " (" + count(Statements.number(target,
                    "SELECT COUNT(*) FROM chats WHERE subscribed = 1 AND active = 1")) + " subscribed)";
            case "chat_keywords" -> "keyword rules: " + count(rows) + " (of " + count(Statements.number(target,
                    "SELECT COUNT(DISTINCT chat_id) FROM chat_keywords")) + " chats)";
            case "chat_sources" -> "source choices: " + count(rows);
            case "chat_sections" -> "section choices: " + count(rows);
            case "chat_settings" -> "chat settings: " + count(rows);
            case "outbox" -> {
                long pending = Statements.number(target, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
                yield "outbox: " + count(pending) + " pending, " + count(rows - pending) + " finished";
            }
            default -> table + ": " + count(rows);
        };
    }

    /** The word index /search reads: PostgreSQL's is built here; SQLite's filled as the headlines went in. */
    private static String index(Database to) {
        if (to.engine() == Engine.SQLITE) {
            return "word index: filled as the headlines were copied";
        }
        try {
            long started = System.nanoTime();
            long indexed = HeadlineWords.indexMissing(to);
            return String.format(Locale.ROOT, "word index: %s headlines indexed in %.1f s", count(indexed),
                    seconds(started));
        } catch (StorageException e) {
            throw new Failed("the rows are copied, but building the word index failed (" + e.getMessage()
                    + "); /search misses those headlines until it is built: start the bot on this database, which builds what is"
                    + " missing in the background");
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
