package app.khobor;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.chat.Chat;
import app.khobor.chat.ChatKind;
import app.khobor.chat.ChatSettings;
import app.khobor.chat.ChatSettingsStore;
import app.khobor.chat.ChatStore;
import app.khobor.chat.StoryChoice;
import app.khobor.db.Database;
import app.khobor.db.DatabaseCopy.Table;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.delivery.Announcements;
import app.khobor.delivery.Outbox;
import app.khobor.delivery.PendingDelivery;
import app.khobor.delivery.Recipient;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.TestDatabases;
import app.khobor.fakes.TestDatabases.PgSchema;
import app.khobor.news.CanonicalUrl;
import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewHeadline;
import app.khobor.news.SourceReadState;
import app.khobor.news.StoredHeadline;
import app.khobor.source.Headline;
import app.khobor.source.Validators;
import app.khobor.text.BengaliText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code khobor migrate}: a SQLite database filled through the real stores arrives in PostgreSQL (and back, and in
 * another SQLite file) row for row, and the bot's stores read it there as they did; a target in use, the same
 * database twice and bad URLs are refused in one line, and a failure midway leaves the target as it was.
 */
class MigrateCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final long READER = 101;
    private static final long GROUP = -202;
    private static final long GONE = 303;

    @TempDir
    Path dir;

    private final List<PgSchema> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() {
        schemas.forEach(PgSchema::drop);
    }

    private PgSchema schema() {
        PgSchema schema = PgSchema.create();
        schemas.add(schema);
        return schema;
    }

    /** What the bot's stores wrote during a day: the fixture every copy starts from. */
    private record Filled(String url, long dhaka, long joined, long election, long pendingRows) {}

    private Filled filledSqlite() {
        String url = "jdbc:sqlite:" + dir.resolve("data").resolve("khobor.db");
        try (Database db = Database.open(url)) {
            SourceReadState reads = SourceReadState.create(db);
            reads.markRead("prothomalo", NOW.minusSeconds(3600));
            reads.saveValidators("prothomalo", new Validators("\"v1\"", "Mon, 30 Nov 2026 05:00:00 GMT"));

            HeadlineHistory history = HeadlineHistory.create(db);
            List<StoredHeadline> stored = history.insertAll(List.of(
                    headline("prothomalo", "ঢাকায় বৃষ্টি, জলাবদ্ধতা", "https://www.prothomalo.com/bangladesh/1", "bangladesh"),
                    headline("samakal", "ঢাকার যানজট কমাতে নতুন পরিকল্পনা", "https://samakal.com/dhaka/2", null),
                    headline("prothomalo", "নির্বাচনের তারিখ ঘোষণা", "https://www.prothomalo.com/politics/3", "politics")),
                    NOW.minusSeconds(600), false);
            List<StoredHeadline> later = history.insertAll(List.of(
                    headline("jugantor", "ঢাকায় ভারী বৃষ্টি", "https://www.jugantor.com/4", null)), NOW, true);
            long dhaka = stored.get(0).id();
            long joined = later.get(0).id();
            history.joinStories(Map.of(joined, dhaka));

            ChatStore chats = ChatStore.create(db, new FakeClock(NOW));
            chats.subscribe(READER, ChatKind.PRIVATE);
            chats.addKeyword(READER, "ঢাকা");
            chats.addKeyword(READER, "বৃষ্টি");
            chats.setSourceEnabled(READER, "samakal", false);
            chats.subscribe(GROUP, ChatKind.SUPERGROUP);
            chats.setSections(GROUP, "prothomalo", Set.of("politics"));
            chats.subscribe(GONE, ChatKind.PRIVATE);
            chats.deactivate(GONE, "Forbidden: bot was blocked by the user");
            db.write(c -> Statements.update(c, "INSERT INTO chat_settings (chat_id, zone, link_preview, quiet, hourly,"
                    + " twice_at, quiet_hold, stories, top_portals) VALUES (?, 'Asia/Kolkata', 1, 1, 0, 8, 1, 2, 4)", READER));

            Outbox outbox = new Outbox(db);
            List<Recipient> both = List.of(new Recipient(READER, false), new Recipient(GROUP, true));
            outbox.enqueue(both, dhaka, NOW.minusSeconds(500));
            PendingDelivery sent = outbox.pendingFor(READER, Instant.EPOCH, 10).get(0);
            outbox.markDelivered(List.of(sent.id()), NOW.minusSeconds(400));
            outbox.enqueue(List.of(new Recipient(READER, false)), stored.get(2).id(), NOW.minusSeconds(300));

            Announcements announcements = new Announcements(db);
            long notice = announcements.draft(READER, 7, "<b>নোটিশ</b>: রক্ষণাবেক্ষণ", NOW.minusSeconds(200));
            announcements.confirm(notice, READER, 7, both, NOW.minusSeconds(100));
            return new Filled(url, dhaka, joined, stored.get(2).id(), 4);
        }
    }

    private static NewHeadline headline(String source, String title, String url, String category) {
        return new NewHeadline(new Headline(source, title, url, OffsetDateTime.parse("2026-11-30T11:00:00+06:00"), category),
                CanonicalUrl.of(url), BengaliText.searchKey(title));
    }

    @Test
    void sqlite_history_chats_rules_and_outbox_arrive_in_postgresql_row_for_row_and_the_stores_read_them_there() {
        Filled filled = filledSqlite();
        PgSchema schema = schema();

        CliRun run = CliRun.of("migrate", "--from", filled.url(), "--to", schema.url());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains(
                "  sources' read state: 1",
                "  headlines: 4",
                "  chats: 3 (2 subscribed)",
                "  keyword rules: 2 (of 1 chats)",
                "  source choices: 1",
                "  section choices: 1",
                "  chat settings: 1",
                "  announcements: 1",
                "  outbox: 4 pending, 1 finished");
        assertThat(run.outLines().get(run.outLines().size() - 2)).matches("  word index: 4 headlines indexed in [0-9.]+ s");
        assertThat(run.outLines().get(run.outLines().size() - 1)).matches("khobor: copied 19 rows in [0-9.]+ s"
                + " \\([0-9,]+ rows/s\\), [0-9.]+ s in all; point storage.url at \\Q" + schema.url() + "\\E");
        try (Database from = Database.open(filled.url()); Database to = Database.open(schema.url())) {
            assertSameRows(from, to);
            assertStoresReadTheSame(to, filled);
            assertSearchFinds(to, filled);
        }
    }

    @Test
    void the_copy_in_postgresql_finds_bengali_words_and_hands_out_new_ids_after_the_copied_ones() {
        Filled filled = filledSqlite();
        PgSchema schema = schema();
        assertThat(CliRun.of("migrate", "--from", filled.url(), "--to", schema.url()).status()).isZero();

        try (Database to = Database.open(schema.url())) {
            // The word index /search reads: every word of the copied titles, e.g. ঢাকায় of two headlines.
            String word = BengaliText.words(BengaliText.searchKey("ঢাকায়")).get(0);
            List<Long> indexed = to.read(c -> Statements.list(c, "SELECT headline_id FROM headline_words WHERE word = ?"
                    + " ORDER BY headline_id", rs -> rs.getLong(1), word));
            assertThat(indexed).containsExactly(filled.dhaka(), filled.joined());

            // New rows through the stores: ids continue after the copied ones.
            long headline = HeadlineHistory.create(to).insertAll(List.of(headline("kalerkantho", "নতুন খবর",
                    "https://www.kalerkantho.com/5", null)), NOW, false).get(0).id();
            assertThat(headline).isEqualTo(filled.joined() + 1);
            assertThat(new Announcements(to).draft(READER, 7, "আবার", NOW)).isEqualTo(2);
            Outbox outbox = new Outbox(to);
            outbox.enqueue(List.of(new Recipient(READER, false)), headline, NOW);
            assertThat(outbox.pendingFor(READER, Instant.EPOCH, 10)).filteredOn(p -> p.headlineId() == headline)
                    .extracting(PendingDelivery::id).containsExactly(6L);
        }
    }

    @Test
    void postgresql_back_into_sqlite_and_sqlite_into_sqlite_copy_the_same_and_search_finds_the_same() {
        Filled filled = filledSqlite();
        PgSchema schema = schema();
        assertThat(CliRun.of("migrate", "--from", filled.url(), "--to", schema.url()).status()).isZero();
        String back = "jdbc:sqlite:" + dir.resolve("back.db");
        String copy = "jdbc:sqlite:" + dir.resolve("copy.db");

        CliRun fromPg = CliRun.of("migrate", "--from=" + schema.url(), "--to=" + back);
        CliRun fromSqlite = CliRun.of("migrate", "--from", filled.url(), "--to", copy);

        assertThat(fromPg.status()).as(fromPg.err()).isZero();
        assertThat(fromSqlite.status()).as(fromSqlite.err()).isZero();
        assertThat(fromPg.outLines()).contains("  word index: filled as the headlines were copied");
        try (Database original = Database.open(filled.url()); Database pg = Database.open(schema.url());
             Database sqliteBack = Database.open(back); Database sqliteCopy = Database.open(copy)) {
            assertSameRows(pg, sqliteBack);
            assertSameRows(original, sqliteCopy);
            for (Database db : List.of(sqliteBack, sqliteCopy)) {
                assertStoresReadTheSame(db, filled);
                assertSearchFinds(db, filled);
                long next = db.write(c -> Statements.first(c, "INSERT INTO headlines (source_id, title, key, url,"
                        + " canonical_url, first_seen) VALUES ('k', 'নতুন', 'নতুন', 'https://k/1', 'https://k/1', 1)"
                        + " RETURNING id", rs -> rs.getLong(1)).orElseThrow());
                assertThat(next).isEqualTo(filled.joined() + 1);
            }
        }
    }

    @Test
    void ids_of_purged_rows_are_not_handed_out_again_in_the_copy() {
        Filled filled = filledSqlite();
        try (Database db = Database.open(filled.url())) {
            db.write(c -> Statements.update(c, "DELETE FROM headlines WHERE id = ?", filled.joined()));
        }
        String copy = "jdbc:sqlite:" + dir.resolve("copy.db");
        assertThat(CliRun.of("migrate", "--from", filled.url(), "--to", copy).status()).isZero();

        try (Database db = Database.open(copy)) {
            long next = db.write(c -> Statements.first(c, "INSERT INTO headlines (source_id, title, key, url,"
                    + " canonical_url, first_seen) VALUES ('k', 'নতুন', 'নতুন', 'https://k/1', 'https://k/1', 1)"
                    + " RETURNING id", rs -> rs.getLong(1)).orElseThrow());
            assertThat(next).as("the purged headline's id stays used").isEqualTo(filled.joined() + 1);
        }
    }

    @Test
    void a_target_that_holds_data_is_refused_and_left_alone() {
        Filled filled = filledSqlite();
        String used = "jdbc:sqlite:" + dir.resolve("used.db");
        try (Database db = Database.open(used)) {
            ChatStore.create(db, new FakeClock(NOW)).subscribe(999, ChatKind.PRIVATE);
        }

        CliRun run = CliRun.of("migrate", "--from", filled.url(), "--to", used);

        assertRefused(run, 2);
        assertThat(run.errLines()).containsExactly("khobor: migrate: " + used + " already holds data (1 chats); migrate"
                + " copies into an empty database only and changed nothing: name a new database, or drop this one's tables");
        try (Database db = Database.open(used)) {
            assertThat((long) db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM headlines"))).isZero();
            assertThat(ChatStore.create(db, new FakeClock(NOW)).find(999)).isNotNull();
        }
    }

    @Test
    void the_same_database_twice_a_missing_file_and_urls_of_no_known_engine_are_refused() {
        Filled filled = filledSqlite();
        Path file = dir.resolve("data").resolve("khobor.db");

        CliRun same = CliRun.of("migrate", "--from", filled.url(), "--to", "jdbc:sqlite:" + dir.resolve("data/../data/khobor.db"));
        CliRun missing = CliRun.of("migrate", "--from", "jdbc:sqlite:" + dir.resolve("typo.db"), "--to",
                "jdbc:sqlite:" + dir.resolve("new.db"));
        CliRun unknown = CliRun.of("migrate", "--from", filled.url(), "--to", "mysql://db/khobor?password=secret");
        CliRun noTarget = CliRun.of("migrate", "--from", filled.url());
        CliRun stray = CliRun.of("migrate", "--from", filled.url(), "--to", "jdbc:sqlite:x.db", "--force");

        assertRefused(same, 2);
        assertThat(same.errLines()).containsExactly(
                "khobor: migrate: --from and --to name the same database; --to must be a new, empty one");
        assertRefused(missing, 2);
        assertThat(missing.errLines()).containsExactly("khobor: migrate: no database file at " + dir.resolve("typo.db"));
        assertThat(dir.resolve("typo.db")).doesNotExist();
        assertThat(dir.resolve("new.db")).doesNotExist();
        assertRefused(unknown, 2);
        assertThat(unknown.errLines()).containsExactly("khobor: migrate: 'mysql://db/khobor?password=***' is not a database"
                + " Khobor can use: write jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE");
        assertRefused(noTarget, 2);
        assertThat(noTarget.errLines().get(0)).isEqualTo("khobor: migrate needs both --from URL and --to URL");
        assertThat(noTarget.err()).contains("usage: java -jar khobor.jar migrate --from URL --to URL");
        assertRefused(stray, 2);
        assertThat(stray.errLines().get(0)).isEqualTo("khobor: migrate: unknown argument '--force'");
        assertThat(Files.exists(file)).isTrue();

        CliRun noUrl = CliRun.of("migrate", "--to", "jdbc:sqlite:x.db", "--from");
        assertRefused(noUrl, 2);
        assertThat(noUrl.errLines().get(0)).isEqualTo("khobor: migrate: --from needs a database URL");
        CliRun help = CliRun.of("migrate", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("usage: java -jar khobor.jar migrate --from URL --to URL");
        assertThat(CliRun.of("--help").out()).contains("migrate --from URL --to URL");
    }

    @Test
    void an_unreachable_server_is_one_line_and_exit_1() {
        Filled filled = filledSqlite();

        CliRun run = CliRun.of("migrate", "--from", filled.url(), "--to",
                "jdbc:postgresql://127.0.0.1:1/khobor?user=khobor&password=secret");

        assertRefused(run, 1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("khobor: migrate failed: cannot open the target: ")
                .contains("database server unreachable").doesNotContain("secret");
    }

    @Test
    void a_row_the_target_rejects_names_its_table_and_leaves_the_target_empty_so_a_second_run_succeeds() {
        Filled filled = filledSqlite();
        try (Database db = Database.open(filled.url())) {
            // SQLite keeps text in an INTEGER column; PostgreSQL refuses it
            db.write(c -> Statements.update(c, "UPDATE chat_sources SET enabled = 'no' WHERE chat_id = ?", READER));
        }
        PgSchema schema = schema();

        CliRun failed = CliRun.of("migrate", "--from", filled.url(), "--to", schema.url());

        assertRefused(failed, 1);
        assertThat(failed.errLines()).hasSize(1);
        assertThat(failed.err()).startsWith("khobor: migrate failed: copying chat_sources: writing ")
                .contains("nothing was written to the target (the copy is one transaction): fix the cause and run"
                        + " migrate again");
        try (Database to = Database.open(schema.url())) {
            for (Table table : MigrateCommand.TABLES) {
                assertThat((long) to.read(c -> Statements.number(c, "SELECT COUNT(*) FROM " + table.name())))
                        .as(table.name()).isZero();
            }
        }
        try (Database db = Database.open(filled.url())) {
            db.write(c -> Statements.update(c, "UPDATE chat_sources SET enabled = 0 WHERE chat_id = ?", READER));
        }
        CliRun again = CliRun.of("migrate", "--from", filled.url(), "--to", schema.url());
        assertThat(again.status()).as(again.err()).isZero();

        CliRun third = CliRun.of("migrate", "--from", filled.url(), "--to", schema.url());
        assertRefused(third, 2);
        assertThat(third.errLines()).singleElement().asString().startsWith("khobor: migrate: " + schema.url()
                + " already holds data (1 source_state, 4 headlines, 3 chats, 2 chat_keywords,");
    }

    @Test
    void every_table_of_the_schema_is_copied_or_left_out_on_purpose() {
        for (Engine engine : Engine.values()) {
            if (engine == Engine.POSTGRESQL && System.getenv(TestDatabases.PG_ENV) == null) {
                continue;
            }
            Path folder = dir.resolve(engine.name());
            try (Database db = TestDatabases.open(engine, folder)) {
                String tables = engine == Engine.SQLITE
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                + " AND name NOT LIKE 'headlines\\_fts%' ESCAPE '\\'"
                        : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
                List<String> names = db.read(c -> Statements.list(c, tables, rs -> rs.getString(1)));
                List<String> handled = new ArrayList<>(MigrateCommand.NOT_COPIED);
                MigrateCommand.TABLES.forEach(t -> handled.add(t.name()));
                assertThat(handled).as(engine + ": a new table needs a place in MigrateCommand.TABLES or NOT_COPIED")
                        .containsAll(names);
                assertThat(names).containsAll(MigrateCommand.TABLES.stream().map(Table::name).toList());
            }
        }
    }

    private static void assertRefused(CliRun run, int status) {
        assertThat(run.status()).isEqualTo(status);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Every copied table holds the same rows, every column equal (numbers compared as numbers). */
    private static void assertSameRows(Database from, Database to) {
        for (Table table : MigrateCommand.TABLES) {
            assertThat(rows(to, table)).as(table.name()).isEqualTo(rows(from, table)).isNotEmpty();
        }
    }

    private static List<Map<String, Object>> rows(Database db, Table table) {
        return db.read(c -> Statements.list(c, "SELECT * FROM " + table.name() + " ORDER BY " + table.orderBy(),
                MigrateCommandTest::row));
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            row.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT),
                    value instanceof Integer n ? Long.valueOf(n) : value);
        }
        return row;
    }

    /** The bot's own stores read the copy as they read the original: chats, settings, history, outbox. */
    private static void assertStoresReadTheSame(Database db, Filled filled) {
        ChatStore chats = ChatStore.create(db, new FakeClock(NOW));
        Chat reader = chats.find(READER);
        assertThat(reader.subscribed()).isTrue();
        assertThat(reader.active()).isTrue();
        assertThat(chats.keywords(READER)).containsExactly("ঢাকা", "বৃষ্টি");
        assertThat(chats.disabledSources(READER)).containsExactly("samakal");
        assertThat(chats.chosenSections(GROUP)).isEqualTo(Map.of("prothomalo", Set.of("politics")));
        assertThat(chats.find(GONE).active()).isFalse();
        assertThat(new ChatSettingsStore(db).of(READER)).isEqualTo(new ChatSettings(ZoneId.of("Asia/Kolkata"), true,
                true, false, 8, true, StoryChoice.TOP, 4));

        HeadlineHistory history = HeadlineHistory.create(db);
        StoredHeadline joined = history.byId(filled.joined()).orElseThrow();
        assertThat(joined.title()).isEqualTo("ঢাকায় ভারী বৃষ্টি");
        assertThat(joined.storyId()).isEqualTo(filled.dhaka());
        assertThat(history.byId(filled.election()).orElseThrow().category()).isEqualTo("politics");
        assertThat(SourceReadState.create(db).validators("prothomalo"))
                .contains(new Validators("\"v1\"", "Mon, 30 Nov 2026 05:00:00 GMT"));

        Outbox outbox = new Outbox(db);
        assertThat(outbox.pendingFor(READER, Instant.EPOCH, 10)).extracting(PendingDelivery::headlineId)
                .containsExactly(filled.election(), 0L);
        assertThat(outbox.pendingFor(GROUP, Instant.EPOCH, 10)).extracting(PendingDelivery::headlineId)
                .containsExactly(filled.dhaka(), 0L);
        assertThat(outbox.counts().pending()).isEqualTo(filled.pendingRows());
        assertThat(outbox.counts().delivered()).isEqualTo(1);
    }

    /** /search (a Bengali word, as a prefix) finds on the copy what it found on the original. */
    private static void assertSearchFinds(Database db, Filled filled) {
        assertThat(HeadlineHistory.create(db).search(List.of(BengaliText.searchKey("ঢাকা")), 10))
                .extracting(StoredHeadline::id).containsExactlyInAnyOrder(filled.dhaka(), filled.joined(), 2L);
    }
}
