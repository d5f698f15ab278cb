package app.khobor.bench;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.fakes.TestDatabases;
import app.khobor.fakes.TestDatabases.PgSchema;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewHeadline;
import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code khobor migrate} at an operator's scale: a SQLite file of 50,000 headlines (Bengali titles from the fixtures,
 * stored through the history store, so the FTS index is there as in production) and 10,000 chats with rules, settings
 * and an outbox of a month (200,000 finished rows, 5,000 pending), migrated to a fresh PostgreSQL schema by the real
 * command in a child JVM with a 64 MB heap (the copy streams; a history must not need a big heap), then back from
 * PostgreSQL into a new SQLite file. Prints the command's own reports (rows/s) and the wall times. Needs {@value TestDatabases#PG_ENV}. Run with
 * {@code bench/run migrate [headlines] [chats]}.
 */
public final class MigrateBench {
    private static final List<String> SOURCES = List.of("prothomalo", "jagonews24", "ittefaq", "banglatribune",
            "samakal", "dhakapost", "bd-pratidin", "banglanews24");
    private static final String HEAP = "-Xmx64m";

    public static void main(String[] args) throws Exception {
        int headlines = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int chats = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (System.getenv(TestDatabases.PG_ENV) == null) {
            System.err.println(TestDatabases.PG_ENV + " is not set: e.g. " + TestDatabases.PG_ENV
                    + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            System.exit(2);
        }
        Path file = Files.createTempDirectory("khobor-migrate").resolve("khobor.db");
        String from = "jdbc:sqlite:" + file;
        System.out.printf("load average at start: %s%n", load());
        long start = System.nanoTime();
        try (Database db = Database.open(from)) {
            fillHistory(db, headlines);
            fillChats(db, chats);
            fillOutbox(db, headlines, chats);
        }
        System.out.printf("built %s (%,d bytes) in %.1f s%n", file, Files.size(file), (System.nanoTime() - start) / 1e9);

        PgSchema schema = PgSchema.create();
        Path back = file.resolveSibling("back.db");
        try {
            timed(from, schema.url());
            timed(schema.url(), "jdbc:sqlite:" + back);
        } finally {
            schema.drop();
            for (Path f : List.of(file, back)) {
                Files.deleteIfExists(f);
                Files.deleteIfExists(Path.of(f + "-wal"));
                Files.deleteIfExists(Path.of(f + "-shm"));
            }
        }
    }

    private static void timed(String from, String to) throws IOException, InterruptedException {
        System.out.printf("%nload average before the copy: %s%n", load());
        long start = System.nanoTime();
        int status = migrate(from, to);
        System.out.printf("migrate exited %d after %.1f s wall time (JVM start included, heap %s)%n", status,
                (System.nanoTime() - start) / 1e9, HEAP);
        System.out.printf("load average after: %s%n", load());
    }

    /** The command as an operator runs it, in its own JVM with a small heap. */
    private static int migrate(String from, String to) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                "app.khobor.Main", "migrate", "--from", from, "--to", to)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return process.waitFor();
    }

    private static void fillHistory(Database db, int rows) {
        List<String> titles = SearchBench.fixtureTitles();
        HeadlineHistory history = HeadlineHistory.create(db);
        Random random = new Random(42);
        Instant first = Instant.parse("2026-09-01T00:00:00Z");
        long step = Duration.ofDays(90).toMillis() / rows;
        List<NewHeadline> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String title = titles.get(random.nextInt(titles.size())) + " " + titles.get(random.nextInt(titles.size()))
                    .split(" ")[0];
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            String url = "https://" + source + ".example/news/" + i;
            Instant seen = first.plusMillis(i * step);
            batch.add(new NewHeadline(new Headline(source, title, url,
                    seen.minusSeconds(random.nextInt(1800)).atOffset(ZoneOffset.ofHours(6)), "bangladesh"), url,
                    BengaliText.searchKey(title)));
            if (batch.size() == 500 || i == rows - 1) {
                history.insertAll(batch, seen, false);
                batch = new ArrayList<>();
            }
        }
        // A story in every ten headlines: the copy must keep story_id as it is.
        db.write(c -> Statements.update(c, "UPDATE headlines SET story_id = id - 1 WHERE id % 10 = 0"));
    }

    /** Chats, a third with two keyword rules, a fifth with settings, a tenth with a source turned off. */
    private static void fillChats(Database db, int chats) {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= chats; i++) {
            ids.add(i % 7 == 0 ? -1_000_000_000_000L - i : 100_000_000L + i);
        }
        db.transaction(c -> {
            Statements.batch(c, "INSERT INTO chats (id, kind, active, subscribed, subscribed_at, created_at, updated_at)"
                    + " VALUES (?, ?, ?, 1, 1, 1, 1)", ids,
                    id -> new Object[] {id, id < 0 ? "SUPERGROUP" : "PRIVATE", id % 50 == 0 ? 0 : 1});
            Statements.batch(c, "INSERT INTO chat_keywords (chat_id, keyword, key, created_at) VALUES (?, ?, ?, 1)",
                    ids.stream().filter(id -> id % 3 == 0).flatMap(id -> List.of(new Object[] {id, "ঢাকা", "ঢাকা"},
                            new Object[] {id, "নির্বাচন", BengaliText.searchKey("নির্বাচন")}).stream()).toList(), row -> row);
            Statements.batch(c, "INSERT INTO chat_settings (chat_id, zone, quiet, stories) VALUES (?, 'Asia/Dhaka', 1, 2)",
                    ids.stream().filter(id -> id % 5 == 0).toList(), id -> new Object[] {id});
            Statements.batch(c, "INSERT INTO chat_sources (chat_id, source_id, enabled) VALUES (?, 'samakal', 0)",
                    ids.stream().filter(id -> id % 10 == 0).toList(), id -> new Object[] {id});
            Statements.batch(c, "INSERT INTO chat_sections (chat_id, source_id, category) VALUES (?, 'prothomalo', 'sports')",
                    ids.stream().filter(id -> id % 40 == 0).toList(), id -> new Object[] {id});
            Statements.batch(c, "INSERT INTO source_state (source_id, first_read_at, last_read_at, etag) VALUES (?, 1, 2, ?)",
                    SOURCES, source -> new Object[] {source, "\"" + source + "\""});
            Statements.batch(c, "INSERT INTO announcements (admin_chat_id, admin_user_id, html, status, created_ms)"
                    + " VALUES (?, 1, ?, 'reported', ?)", List.of(1L, 2L, 3L), n -> new Object[] {ids.get(0),
                    "<b>নোটিশ " + n + "</b>", n});
            return null;
        });
    }

    /** A month of deliveries: 200,000 finished rows, then 5,000 pending ones of the newest headlines. */
    private static void fillOutbox(Database db, int headlines, int chats) {
        Random random = new Random(7);
        int finished = 200_000;
        int pending = 5_000;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < finished + pending; i++) {
            long chat = 100_000_000L + 1 + random.nextInt(chats);
            long headline = 1 + (long) i * headlines / (finished + pending);
            boolean done = i < finished;
            rows.add(new Object[] {chat, headline, i, done ? "delivered" : "pending", done ? (Object) (long) i : null,
                    done ? (Object) (long) (1_000 + i) : null});
            if (rows.size() == 20_000 || i == finished + pending - 1) {
                List<Object[]> chunk = rows;
                db.transaction(c -> Statements.batch(c, "INSERT INTO outbox (chat_id, chat_kind, headline_id,"
                        + " enqueued_ms, status, finished_ms, message_id) VALUES (?, 'PRIVATE', ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", chunk, row -> row));
                rows = new ArrayList<>();
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private MigrateBench() {}
}
