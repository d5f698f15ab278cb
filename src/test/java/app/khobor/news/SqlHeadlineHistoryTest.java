package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class SqlHeadlineHistoryTest {
    @Parameter
    Engine engine;

    private static final String DHAKA = "\u09A2\u09BE\u0995\u09BE";
    /** ঢাকায় with য় precomposed (U+09DF) and decomposed (য + nukta). */
    private static final String IN_DHAKA_PRECOMPOSED = DHAKA + "\u09DF";
    private static final String IN_DHAKA_DECOMPOSED = DHAKA + "\u09AF\u09BC";
    private static final String OF_DHAKA = DHAKA + "\u09B0";
    /** ঢেকে: same consonants as ঢাকা, different vowel signs; the default FTS5 tokenizer confuses them. */
    private static final String COVERED = "\u09A2\u09C7\u0995\u09C7";
    private static final String ELECTION = "\u09A8\u09BF\u09B0\u09CD\u09AC\u09BE\u099A\u09A8";
    private static final String IN_ELECTION = ELECTION + "\u09C7";
    private static final String RAIN = "\u09AC\u09C3\u09B7\u09CD\u099F\u09BF";
    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private HeadlineHistory store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
        store = HeadlineHistory.create(db);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    private StoredHeadline add(String title, String url, Instant firstSeen) {
        Headline h = new Headline("ittefaq", title, url, null);
        return insert(h, CanonicalUrl.of(url), BengaliText.searchKey(title), firstSeen).orElseThrow();
    }

    /** One headline through the batch insert; empty when it was already stored. */
    private Optional<StoredHeadline> insert(Headline h, String canonicalUrl, String key, Instant firstSeen) {
        return store.insertAll(List.of(new NewHeadline(h, canonicalUrl, key)), firstSeen, false).stream().findFirst();
    }

    private List<String> titlesFound(String query, int limit) {
        return store.search(BengaliText.words(query), limit).stream().map(StoredHeadline::title).toList();
    }

    @Test
    void insert_stores_a_row_once_per_source_and_canonical_url() {
        Headline h = new Headline("ittefaq", RAIN, "https://x.com/1", OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(6)));

        StoredHeadline stored = insert(h, "https://x.com/1", RAIN, T0).orElseThrow();

        assertThat(insert(h, "https://x.com/1", RAIN, T0.plusSeconds(60))).isEmpty();
        assertThat(insert(new Headline("samakal", RAIN, "https://x.com/1", null), "https://x.com/1", RAIN, T0)).isPresent();
        assertThat(store.contains("ittefaq", "https://x.com/1")).isTrue();
        assertThat(store.contains("ittefaq", "https://x.com/2")).isFalse();
        assertThat(store.latest(10)).contains(stored);
    }

    @Test
    void insert_all_returns_only_the_rows_it_stored_in_the_order_given() {
        add("old", "https://x.com/2", T0);
        List<NewHeadline> batch = List.of(
                new NewHeadline(new Headline("ittefaq", "a", "https://x.com/1", null), "https://x.com/1", "a"),
                new NewHeadline(new Headline("ittefaq", "old", "https://x.com/2", null), "https://x.com/2", "old"),
                new NewHeadline(new Headline("ittefaq", "c", "https://x.com/3", null), "https://x.com/3", "c"));

        List<StoredHeadline> stored = store.insertAll(batch, T0.plusSeconds(60), false);

        assertThat(stored).extracting(StoredHeadline::title).containsExactly("a", "c");
        assertThat(stored.get(0).id()).isLessThan(stored.get(1).id());
    }

    @Test
    void search_finds_words_that_start_with_the_query_word_in_either_encoding() {
        add(IN_DHAKA_PRECOMPOSED + " " + RAIN, "https://x.com/1", T0);
        add(IN_DHAKA_DECOMPOSED + " " + "\u099C\u09CD\u09AF\u09BE\u09AE", "https://x.com/2", T0.plusSeconds(1));
        add(OF_DHAKA + " \u09AE\u09C7\u09AF\u09BC\u09B0", "https://x.com/3", T0.plusSeconds(2));
        add(COVERED + " \u0997\u09C7\u09B2", "https://x.com/4", T0.plusSeconds(3));

        assertThat(titlesFound(DHAKA, 10)).hasSize(3).noneMatch(t -> t.startsWith(COVERED));
        assertThat(titlesFound(IN_DHAKA_PRECOMPOSED, 10)).hasSize(2);
        assertThat(titlesFound(IN_DHAKA_DECOMPOSED, 10)).hasSize(2);
        assertThat(titlesFound(COVERED, 10)).hasSize(1);
    }

    @Test
    void search_needs_every_word_and_matches_inflected_forms() {
        add("\u099C\u09BE\u09A4\u09C0\u09AF\u09BC " + IN_ELECTION + " " + RAIN, "https://x.com/1", T0);
        add(ELECTION + " \u0995\u09AE\u09BF\u09B6\u09A8", "https://x.com/2", T0.plusSeconds(1));

        assertThat(titlesFound(ELECTION, 10)).hasSize(2);
        assertThat(titlesFound(ELECTION + " " + RAIN, 10)).containsExactly("\u099C\u09BE\u09A4\u09C0\u09AF\u09BC " + IN_ELECTION + " " + RAIN);
        assertThat(titlesFound(IN_ELECTION, 10)).hasSize(1);
        assertThat(titlesFound(ELECTION + "\u09C0", 10)).isEmpty();
    }

    @Test
    void search_is_newest_first_by_first_seen_and_honours_the_limit() {
        add(DHAKA + " 1", "https://x.com/1", T0.plusSeconds(30));
        add(DHAKA + " 2", "https://x.com/2", T0.plusSeconds(10));
        add(DHAKA + " 3", "https://x.com/3", T0.plusSeconds(20));
        add(RAIN, "https://x.com/4", T0.plusSeconds(40));

        assertThat(titlesFound(DHAKA, 10)).containsExactly(DHAKA + " 1", DHAKA + " 3", DHAKA + " 2");
        assertThat(titlesFound(DHAKA, 2)).containsExactly(DHAKA + " 1", DHAKA + " 3");
    }

    @Test
    void search_reaches_past_the_recent_window_and_keeps_newest_first() {
        List<NewHeadline> batch = new ArrayList<>();
        for (int i = 0; i < HeadlineSearch.RECENT_WINDOW + 500; i++) {
            String title = (i < 2 || i % 700 == 0 ? ELECTION + " " : "") + RAIN + " " + i;
            String url = "https://x.com/" + i;
            batch.add(new NewHeadline(new Headline("ittefaq", title, url, null), url, BengaliText.searchKey(title)));
        }
        for (int i = 0; i < batch.size(); i += 50) {
            store.insertAll(batch.subList(i, i + 50), T0.plusSeconds(i), false);
        }

        assertThat(titlesFound(ELECTION, 10)).containsExactly(ELECTION + " " + RAIN + " 2100", ELECTION + " " + RAIN + " 1400",
                ELECTION + " " + RAIN + " 700", ELECTION + " " + RAIN + " 1", ELECTION + " " + RAIN + " 0");
        assertThat(titlesFound(RAIN, 3)).containsExactly(RAIN + " 2499", RAIN + " 2498", RAIN + " 2497");
    }

    @Test
    void search_with_no_words_or_only_punctuation_finds_nothing() {
        add(DHAKA, "https://x.com/1", T0);

        assertThat(store.search(List.of(), 10)).isEmpty();
        assertThat(store.search(List.of(" "), 10)).isEmpty();
        assertThat(store.search(List.of("\u0964"), 10)).isEmpty();
    }

    @Test
    void search_text_is_never_read_as_fts_syntax() {
        add("say \"hi\" OR NEAR", "https://x.com/1", T0);

        assertThat(store.search(List.of("\"hi"), 10)).isEmpty();
        assertThat(store.search(List.of("or"), 10)).hasSize(1);
        assertThat(store.search(List.of("near*"), 10)).isEmpty();
        assertThat(store.search(List.of("hi"), 10)).hasSize(1);
    }

    @Test
    void ascii_and_bengali_digits_find_each_other() {
        add("\u09E8\u09E6\u09E8\u09EC \u09B8\u09BE\u09B2", "https://x.com/1", T0);

        assertThat(titlesFound("2026", 10)).hasSize(1);
        assertThat(titlesFound("\u09E8\u09E6", 10)).hasSize(1);
    }

    @Test
    void latest_is_newest_first_and_limited() {
        add("a", "https://x.com/1", T0.plusSeconds(2));
        add("b", "https://x.com/2", T0.plusSeconds(1));
        add("c", "https://x.com/3", T0.plusSeconds(2));

        assertThat(store.latest(2)).extracting(StoredHeadline::title).containsExactly("c", "a");
        assertThat(store.latest(0)).isEmpty();
    }

    @Test
    void count_since_includes_the_boundary() {
        add("a", "https://x.com/1", T0);
        add("b", "https://x.com/2", T0.plusSeconds(60));

        assertThat(store.countSince(T0)).isEqualTo(2);
        assertThat(store.countSince(T0.plusMillis(1))).isEqualTo(1);
        assertThat(store.countSince(T0.plusSeconds(61))).isZero();
    }

    @Test
    void purge_deletes_old_rows_and_their_search_entries() {
        add(DHAKA + " old", "https://x.com/1", T0);
        add(DHAKA + " new", "https://x.com/2", T0.plusSeconds(60));

        assertThat(store.purgeBefore(T0.plusSeconds(60))).isEqualTo(1);

        assertThat(titlesFound(DHAKA, 10)).containsExactly(DHAKA + " new");
        assertThat(store.contains("ittefaq", "https://x.com/1")).isFalse();
        if (engine == Engine.SQLITE) {
            // throws when the external-content index and the table disagree
            db.write(c -> Statements.update(c, "INSERT INTO headlines_fts (headlines_fts) VALUES ('integrity-check')"));
        } else {
            assertThat(wordRows()).as("the purged headline's words went with it")
                    .containsExactlyInAnyOrder(DHAKA + "=2", "new=2");
        }
    }

    @Test
    void on_postgresql_each_stored_headline_gets_its_distinct_words_in_the_word_index() {
        assumeTrue(engine == Engine.POSTGRESQL, "headline_words is PostgreSQL's word index; SQLite's is FTS5");
        add(IN_DHAKA_DECOMPOSED + " " + RAIN + ", " + RAIN + "।", "https://x.com/1", T0);
        insert(new Headline("ittefaq", "again", "https://x.com/1", null), "https://x.com/1", "again", T0.plusSeconds(1));

        assertThat(wordRows()).containsExactlyInAnyOrder(IN_DHAKA_DECOMPOSED + "=1", RAIN + "=1");
    }

    @Test
    void on_postgresql_index_missing_indexes_headlines_copied_in_without_words_and_only_those() {
        assumeTrue(engine == Engine.POSTGRESQL, "headline_words is PostgreSQL's word index; SQLite's is FTS5");
        add(RAIN, "https://x.com/1", T0);
        int copied = HeadlineWords.CHUNK + 3;
        db.transaction(c -> Statements.batch(c, "INSERT INTO headlines (source_id, title, key, url, canonical_url,"
                + " first_seen) VALUES ('ittefaq', ?, ?, ?, ?, ?)", java.util.stream.IntStream.range(0, copied).boxed().toList(),
                i -> new Object[] {DHAKA + " " + i, DHAKA + " " + i, "https://y.com/" + i, "https://y.com/" + i,
                        T0.toEpochMilli() + i}));

        assertThat(store.searchPublished(List.of(DHAKA), Set.of(), 0, 5).total()).isZero();
        assertThat(HeadlineWords.indexMissing(db)).isEqualTo(copied);
        assertThat(HeadlineWords.indexMissing(db)).isZero();

        assertThat(store.searchPublished(List.of(DHAKA), Set.of(), 0, 5).total()).isEqualTo(copied);
        assertThat(store.searchPublished(List.of(DHAKA, "100"), Set.of(), 0, 5).headlines())
                .extracting(StoredHeadline::title)
                .containsExactly(DHAKA + " 1002", DHAKA + " 1001", DHAKA + " 1000", DHAKA + " 100");
        assertThat(store.searchPublished(List.of(RAIN), Set.of(), 0, 5).total()).isEqualTo(1);
    }

    @Test
    void index_missing_does_nothing_on_sqlite_whose_triggers_keep_the_word_index() {
        assumeTrue(engine == Engine.SQLITE, "SQLite's own case");
        db.write(c -> Statements.update(c, "INSERT INTO headlines (source_id, title, key, url, canonical_url, first_seen)"
                + " VALUES ('ittefaq', ?, ?, 'https://x.com/1', 'https://x.com/1', ?)", DHAKA, DHAKA, T0.toEpochMilli()));

        assertThat(HeadlineWords.indexMissing(db)).isZero();
        assertThat(titlesFound(DHAKA, 5)).containsExactly(DHAKA);
    }

    /** PostgreSQL's word rows as "word=headline id". */
    private List<String> wordRows() {
        return db.read(c -> Statements.list(c, "SELECT word, headline_id FROM headline_words",
                rs -> rs.getString(1) + "=" + rs.getLong(2)));
    }

    @Test
    void purge_keeps_a_row_seen_after_the_cutoff_however_old_its_first_sighting() {
        add("pinned", "https://x.com/1", T0);
        add("gone", "https://x.com/2", T0);

        store.markSeen("ittefaq", List.of("https://x.com/1"), T0.plusSeconds(120));

        assertThat(store.purgeBefore(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(store.latest(10)).extracting(StoredHeadline::title).containsExactly("pinned");
        assertThat(store.purgeBefore(T0.plusSeconds(121))).isEqualTo(1);
    }

    @Test
    void mark_seen_never_moves_the_time_back_and_ignores_unknown_links_and_other_sources() {
        add("a", "https://x.com/1", T0);
        store.markSeen("ittefaq", List.of("https://x.com/1", "https://x.com/unknown"), T0.plusSeconds(120));

        store.markSeen("ittefaq", List.of("https://x.com/1"), T0.plusSeconds(60));
        store.markSeen("samakal", List.of("https://x.com/1"), T0.plusSeconds(600));

        assertThat(lastSeen("https://x.com/1")).isEqualTo(T0.plusSeconds(120).toEpochMilli());
        assertThat(store.latest(10)).hasSize(1);
    }

    @Test
    void mark_seen_reaches_every_link_of_a_page_longer_than_one_statement_holds() {
        int links = SqlHeadlineHistory.SEEN_CHUNK * 2 + 7;
        List<NewHeadline> page = new ArrayList<>();
        for (int i = 0; i < links; i++) {
            String url = "https://x.com/" + i;
            page.add(new NewHeadline(new Headline("ittefaq", "t" + i, url, null), url, "t" + i));
        }
        store.insertAll(page, T0, false);

        store.markSeen("ittefaq", page.stream().map(NewHeadline::canonicalUrl).toList(), T0.plusSeconds(120));

        assertThat(store.purgeBefore(T0.plusSeconds(60))).isZero();
        assertThat(store.latest(links + 1)).hasSize(links);
    }

    @Test
    void rows_without_a_last_seen_time_are_purged_by_their_first_sighting() {
        db.write(c -> Statements.update(c, "INSERT INTO headlines (source_id, title, key, url, canonical_url, first_seen)"
                + " VALUES ('ittefaq', 'old', 'old', 'https://x.com/1', 'https://x.com/1', ?)", T0.toEpochMilli()));
        add("new", "https://x.com/2", T0.plusSeconds(120));

        assertThat(store.purgeBefore(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(store.latest(10)).extracting(StoredHeadline::title).containsExactly("new");
    }

    @Test
    void the_v5_migration_starts_rows_already_stored_at_their_first_sighting() {
        // SQLite only: it reopens the file; PostgreSQL's V5 is the same UPDATE, run by the same migration runner
        assumeTrue(engine == Engine.SQLITE, "a SQLite schema rolled back by hand");
        add("a", "https://x.com/1", T0);
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                // back to the V4 schema, with the row as V4 stored it (V6's, V7's and V12's additions gone too)
                s.execute("DROP TRIGGER headlines_own_story");
                s.execute("DROP INDEX headlines_story");
                s.execute("ALTER TABLE headlines DROP COLUMN story_id");
                s.execute("ALTER TABLE outbox DROP COLUMN message_id");
                s.execute("ALTER TABLE outbox DROP COLUMN story_more");
                s.execute("ALTER TABLE headlines DROP COLUMN category");
                s.execute("DROP TABLE chat_settings");
                s.execute("DROP INDEX headlines_published");
                s.execute("ALTER TABLE headlines DROP COLUMN published_ms");
                s.execute("ALTER TABLE headlines DROP COLUMN baseline");
                s.execute("ALTER TABLE headlines DROP COLUMN last_seen");
                return s.executeUpdate("DELETE FROM schema_version WHERE version >= 5");
            }
        });
        db.close();

        open();

        assertThat(lastSeen("https://x.com/1")).isEqualTo(T0.toEpochMilli());
    }

    private long lastSeen(String canonicalUrl) {
        return db.read(c -> Statements.number(c, "SELECT last_seen FROM headlines WHERE canonical_url = ?", canonicalUrl));
    }

    @Test
    void published_time_keeps_its_offset_and_a_missing_one_stays_null() {
        OffsetDateTime published = OffsetDateTime.of(2026, 3, 1, 12, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
        insert(new Headline("ittefaq", "a", "https://x.com/1", published), "https://x.com/1", "a", T0);
        add("b", "https://x.com/2", T0.plusSeconds(1));

        assertThat(store.latest(2)).extracting(StoredHeadline::publishedAt).containsExactly(null, published);
    }
}
