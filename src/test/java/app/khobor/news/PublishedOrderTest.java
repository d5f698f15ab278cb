package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** /latest and /search order (V6 published_ms), the true number of matches, pages, and baselines kept out of counts. */
@ParameterizedClass
@EnumSource(Engine.class)
class PublishedOrderTest {
    @Parameter
    Engine engine;

    private static final String DHAKA = "\u09A2\u09BE\u0995\u09BE";
    private static final Instant T0 = Instant.parse("2026-08-13T05:00:00Z");

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

    private static NewHeadline headline(String source, String title, Instant published) {
        String url = "https://" + source + ".example/" + title.hashCode();
        OffsetDateTime at = published == null ? null : published.atOffset(ZoneOffset.ofHours(6));
        return new NewHeadline(new Headline(source, title, url, at), url, BengaliText.searchKey(title));
    }

    private List<String> titles(List<StoredHeadline> found) {
        return found.stream().map(StoredHeadline::title).toList();
    }

    @Test
    void latest_orders_by_publication_time_with_first_sight_for_undated_and_future_items_and_feed_order_for_ties() {
        store.insertAll(List.of(headline("a", "a-early", T0.minusSeconds(7200)), headline("a", "a-late", T0.minusSeconds(600))),
                T0, false);
        store.insertAll(List.of(headline("b", "b-future", T0.plusSeconds(3600)), headline("b", "b-undated", null),
                headline("b", "b-mid", T0.minusSeconds(3600))), T0.plusSeconds(60), false);
        store.insertAll(List.of(headline("c", "c-slightly-ahead", T0.plusSeconds(120 + 240))), T0.plusSeconds(120), true);

        assertThat(titles(store.latestPublished(10, Set.of())))
                .containsExactly("c-slightly-ahead", "b-future", "b-undated", "a-late", "b-mid", "a-early");
        assertThat(titles(store.latestPublished(10, Set.of("b")))).containsExactly("c-slightly-ahead", "a-late", "a-early");
        assertThat(store.latestPublished(0, Set.of())).isEmpty();
    }

    @Test
    void search_counts_every_match_and_pages_through_them_newest_first() {
        List<NewHeadline> many = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(headline(i % 5 == 0 ? "other" : "desk", DHAKA + " " + i, T0.minusSeconds(60L * i)));
        }
        many.add(headline("desk", "unrelated", T0));
        store.insertAll(many, T0, false);
        List<String> words = BengaliText.words(DHAKA);

        HeadlineHistory.SearchPage first = store.searchPublished(words, Set.of(), 0, 10);
        HeadlineHistory.SearchPage last = store.searchPublished(words, Set.of(), 20, 10);
        HeadlineHistory.SearchPage filtered = store.searchPublished(words, Set.of("other"), 0, 30);

        assertThat(first.total()).isEqualTo(25);
        assertThat(titles(first.headlines())).hasSize(10).startsWith(DHAKA + " 1", DHAKA + " 2");
        assertThat(titles(last.headlines())).containsExactly(DHAKA + " 21", DHAKA + " 22", DHAKA + " 23", DHAKA + " 24",
                DHAKA + " 25");
        assertThat(filtered.total()).isEqualTo(20);
        assertThat(store.searchPublished(words, Set.of(), 40, 10).headlines()).isEmpty();
        assertThat(store.searchPublished(List.of(), Set.of(), 0, 10).total()).isZero();
    }

    @Test
    void search_with_the_query_language_goes_through_the_word_index_with_phrases_alternatives_and_exclusions() {
        store.insertAll(List.of(
                headline("a", "ইরাকের জাতীয় দল", T0.minusSeconds(60)),
                headline("a", "জাতীয় ইরাকের পতাকা", T0.minusSeconds(120)),
                headline("a", "ঢাকায় বৃষ্টি", T0.minusSeconds(180)),
                headline("a", "চট্টগ্রামে বৃষ্টি, বন্যার আশঙ্কা", T0.minusSeconds(240)),
                headline("a", "সিলেটে বৃষ্টি", T0.minusSeconds(300))), T0, false);

        assertThat(titles(search("\"জাতীয় ইরাকের\""))).containsExactly("জাতীয় ইরাকের পতাকা");
        assertThat(titles(search("বৃষ্টি ঢাকা বা চট্টগ্রাম"))).containsExactly("ঢাকায় বৃষ্টি", "চট্টগ্রামে বৃষ্টি, বন্যার আশঙ্কা");
        assertThat(titles(search("ঢাকা | চট্টগ্রাম -বন্যা"))).containsExactly("ঢাকায় বৃষ্টি");
        assertThat(titles(search("বৃষ্টি -ঢাকা -সিলেট"))).containsExactly("চট্টগ্রামে বৃষ্টি, বন্যার আশঙ্কা");
        assertThat(store.searchPublished(query("বৃষ্টি OR ইরাক"), Set.of(), Map.of(), 0, 2).total()).isEqualTo(5);
    }

    private static SearchQuery query(String text) {
        return ((SearchQuery.Valid) SearchQuery.parse(text)).query();
    }

    private List<StoredHeadline> search(String text) {
        return store.searchPublished(query(text), Set.of(), Map.of(), 0, 10).headlines();
    }

    @Test
    void headlines_today_leave_out_baselines() {
        store.insertAll(List.of(headline("a", "baseline", T0)), T0, false);
        store.insertAll(List.of(headline("a", "news", T0)), T0.plusSeconds(60), true);

        assertThat(store.countNewSince(T0.minusSeconds(3600))).isEqualTo(1);
        assertThat(store.countSince(T0.minusSeconds(3600))).isEqualTo(2);
    }

    @Test
    void rows_stored_before_v6_get_their_publication_time_from_the_text_the_source_gave() {
        // SQLite only: V6's UPDATE of old rows is SQLite SQL (julianday); a PostgreSQL history starts at V12
        assumeTrue(engine == Engine.SQLITE, "SQLite's V6 backfill");
        store.insertAll(List.of(headline("a", "x", T0.minusSeconds(3600)), headline("a", "y", null)), T0, false);
        // What V6's UPDATE computes, on the same rows with the column cleared.
        db.transaction(c -> Statements.update(c, "UPDATE headlines SET published_ms = NULL"));
        db.transaction(c -> Statements.update(c, """
                UPDATE headlines SET published_ms = CASE
                    WHEN CAST(ROUND((julianday(published_at) - 2440587.5) * 86400000) AS INTEGER) <= first_seen + 300000
                    THEN CAST(ROUND((julianday(published_at) - 2440587.5) * 86400000) AS INTEGER)
                    ELSE first_seen END"""));

        List<Long> times = db.read(c -> Statements.list(c, "SELECT published_ms FROM headlines ORDER BY id",
                rs -> rs.getLong(1)));
        assertThat(times).containsExactly(T0.minusSeconds(3600).toEpochMilli(), T0.toEpochMilli());
    }
}
