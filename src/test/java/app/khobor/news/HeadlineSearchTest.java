package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.FixtureFiles;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.FeedParser;
import app.khobor.source.Headline;
import app.khobor.source.ParseException;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On both engines: the ways {@link HeadlineSearch#page} finds a page (SQLite: read every candidate; count in the word
 * index and walk the history newest first, through the word index's candidates or every row; PostgreSQL: read among
 * the candidates, or walk every row) give exactly what the query language's own matcher gives over every row, in the same order, with the same
 * total: words as prefixes, phrases in order, exclusions, OR, several keys per word (Banglish), left-out sources and
 * sections.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class HeadlineSearchTest {
    @Parameter
    Engine engine;

    private static final Instant T0 = Instant.parse("2026-08-13T05:00:00Z");
    private static final List<String> SOURCES = List.of("prothomalo", "ittefaq", "jagonews24");
    private static final List<String> SECTIONS = List.of("sports", "world", "politics");

    @TempDir
    Path dir;
    private Database db;
    private List<String> titles;

    @BeforeEach
    void open() throws ParseException {
        db = TestDatabases.open(engine, dir);
        titles = fixtureTitles();
        HeadlineHistory history = HeadlineHistory.create(db);
        Random random = new Random(3);
        for (int batch = 0; batch < 12; batch++) {
            List<NewHeadline> rows = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String title = titles.get(random.nextInt(titles.size()));
                String source = SOURCES.get(random.nextInt(SOURCES.size()));
                String url = "https://" + source + ".example/" + batch + "/" + i;
                // Publication times repeat (ties go to the later sighting, then feed order) and some are missing.
                Instant published = random.nextInt(5) == 0 ? null : T0.plusSeconds(600L * random.nextInt(40));
                Headline headline = new Headline(source, title, url,
                        published == null ? null : published.atOffset(ZoneOffset.ofHours(6)),
                        random.nextInt(4) == 0 ? null : SECTIONS.get(random.nextInt(SECTIONS.size())));
                rows.add(new NewHeadline(headline, url, BengaliText.searchKey(title)));
            }
            history.insertAll(rows, T0.plusSeconds(900L * batch), false);
        }
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    private static List<String> fixtureTitles() throws ParseException {
        Set<String> titles = new LinkedHashSet<>();
        for (String feed : List.of("ittefaq/ittefaq.xml", "banglatribune/banglatribune.xml")) {
            new FeedParser().parse("t", FixtureFiles.text(feed), URI.create("https://t.example/feed"),
                    T0.atZone(ZoneOffset.UTC)).forEach(h -> titles.add(h.title()));
        }
        return new ArrayList<>(titles);
    }

    /** The words of two stored titles. */
    private List<List<String>> storedWords() {
        return db.read(c -> Statements.list(c, "SELECT key FROM headlines WHERE id IN (1, 2) ORDER BY id",
                rs -> BengaliText.words(rs.getString(1))));
    }

    /** Queries from the stored titles' own words: the commonest, rare ones, pairs that stand next to each other. */
    private List<SearchQuery> queries() {
        List<String> first = storedWords().get(0);
        List<String> second = storedWords().get(1);
        String common = "\u09A8\u09BE";
        List<SearchQuery> queries = new ArrayList<>();
        for (String text : List.of(common, first.get(0), first.get(0) + " " + first.get(1),
                '"' + first.get(0) + " " + first.get(1) + '"', '"' + first.get(1) + " " + first.get(0) + '"',
                common + " -" + first.get(0), common + " OR " + second.get(0), first.get(0) + " | " + second.get(0),
                second.get(0) + " " + common + " -\"" + first.get(0) + " " + first.get(1) + '"',
                first.get(0).substring(0, 1), "\u0995\u09CB\u09AF\u09BC\u09BE\u09A8\u09CD\u099F\u09BE\u09AE", "zzqx")) {
            queries.add(((SearchQuery.Valid) SearchQuery.parse(text)).query());
        }
        // A Latin word standing for several Bengali keys, as /search expands it (BanglishQuery).
        queries.add(SearchQuery.allOf(List.of("x")).withAlternatives(Map.of("x", List.of(first.get(0), second.get(0), common))));
        queries.add(((SearchQuery.Valid) SearchQuery.parse("\"x y\"")).query()
                .withAlternatives(Map.of("x", List.of(first.get(0), second.get(0)), "y", List.of(first.get(1), common))));
        return queries;
    }

    @Test
    void reading_every_candidate_and_both_walks_give_exactly_the_matchers_pages_and_totals() {
        HeadlineSearch readAll = new HeadlineSearch(db, (matches, wanted, rows) -> HeadlineSearch.Way.READ_ALL);
        HeadlineSearch walkMatches = new HeadlineSearch(db, (matches, wanted, rows) -> HeadlineSearch.Way.WALK_MATCHES);
        HeadlineSearch walkRows = new HeadlineSearch(db, (matches, wanted, rows) -> HeadlineSearch.Way.WALK_ROWS);
        HeadlineSearch chosen = new HeadlineSearch(db);
        List<Set<String>> excluded = List.of(Set.of(), Set.of("ittefaq"));
        List<Map<String, Set<String>>> sections = List.of(Map.of(), Map.of("prothomalo", Set.of("sports", "world")));
        int pages = 0;
        for (SearchQuery query : queries()) {
            for (Set<String> off : excluded) {
                for (Map<String, Set<String>> chosenSections : sections) {
                    List<Long> all = expected(query, off, chosenSections);
                    for (int offset : new int[] {0, 7, 40, all.size()}) {
                        List<Long> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + 10));
                        for (HeadlineSearch search : List.of(readAll, walkMatches, walkRows, chosen)) {
                            HeadlineHistory.SearchPage found = search.page(query, off, chosenSections, offset, 10);
                            assertThat(found.headlines().stream().map(StoredHeadline::id).toList())
                                    .as("%s, without %s, sections %s, from %d", query, off, chosenSections, offset)
                                    .isEqualTo(page);
                            assertThat(found.total()).as("total of %s without %s", query, off).isEqualTo(all.size());
                            pages += page.isEmpty() ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertThat(pages).as("pages with rows").isGreaterThan(100);
    }

    @Test
    void a_phrase_counted_in_the_word_index_keeps_its_words_in_order() {
        List<String> words = storedWords().get(0);
        SearchQuery inOrder = ((SearchQuery.Valid) SearchQuery.parse('"' + words.get(0) + " " + words.get(1) + '"')).query();
        SearchQuery reversed = ((SearchQuery.Valid) SearchQuery.parse('"' + words.get(1) + " " + words.get(0) + '"')).query();
        HeadlineSearch walk = new HeadlineSearch(db, (matches, wanted, rows) -> HeadlineSearch.Way.WALK_ROWS);

        assertThat(walk.page(inOrder, Set.of(), Map.of(), 0, 10).total()).isEqualTo(expected(inOrder, Set.of(), Map.of()).size())
                .isPositive();
        assertThat(walk.page(reversed, Set.of(), Map.of(), 0, 10).total()).isEqualTo(expected(reversed, Set.of(), Map.of()).size());
    }

    @Test
    void the_v11_migration_rebuilds_the_word_index_of_a_v10_database_with_rows() {
        // SQLite only: FTS5's table; PostgreSQL's word rows are written by the store (SqlHeadlineHistoryTest)
        assumeTrue(engine == Engine.SQLITE, "SQLite's FTS5 word index");
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                // back to V10: V1's word index, without prefix indexes, over the rows already stored
                s.execute("DROP TABLE headlines_fts");
                s.execute("CREATE VIRTUAL TABLE headlines_fts USING fts5(key, content = 'headlines', content_rowid = 'id',"
                        + " tokenize = \"unicode61 remove_diacritics 0 categories 'L* M* Nd'\")");
                s.execute("INSERT INTO headlines_fts (headlines_fts) VALUES ('rebuild')");
                return s.executeUpdate("DELETE FROM schema_version WHERE version = 11");
            }
        });
        assertThat(wordIndexSql()).doesNotContain("prefix");
        db.close();

        db = TestDatabases.open(engine, dir);

        assertThat(wordIndexSql()).contains("prefix = '2 3 4 5 6'");
        HeadlineSearch search = new HeadlineSearch(db);
        for (SearchQuery query : queries()) {
            List<Long> all = expected(query, Set.of(), Map.of());
            assertThat(search.page(query, Set.of(), Map.of(), 0, 10).headlines()).extracting(StoredHeadline::id)
                    .as("%s", query).isEqualTo(all.subList(0, Math.min(10, all.size())));
        }
        // The triggers came back: a new row is found, a purged one is gone.
        String word = "\u0995\u09CB\u09AF\u09BC\u09BE\u09A8\u09CD\u099F\u09BE\u09AE";
        HeadlineHistory history = HeadlineHistory.create(db);
        history.insertAll(List.of(new NewHeadline(new Headline("ittefaq", word + " \u0995\u09AE\u09CD\u09AA\u09BF\u0989\u099F\u09BE\u09B0",
                "https://ittefaq.example/q", null), "https://ittefaq.example/q", BengaliText.searchKey(word))), T0.plusSeconds(86_400), false);
        SearchQuery quantum = SearchQuery.allOf(List.of(word.substring(0, 4)));
        assertThat(search.page(quantum, Set.of(), Map.of(), 0, 10).total()).isEqualTo(1);
        history.purgeBefore(T0.plusSeconds(86_400 + 1));
        assertThat(search.page(quantum, Set.of(), Map.of(), 0, 10).total()).isZero();
    }

    private String wordIndexSql() {
        return db.read(c -> Statements.first(c, "SELECT sql FROM sqlite_master WHERE name = 'headlines_fts'",
                rs -> rs.getString(1))).orElseThrow();
    }

    /** Every row in /search order, filtered by the matcher and the chat's choices in Java. */
    private List<Long> expected(SearchQuery query, Set<String> excluded, Map<String, Set<String>> sections) {
        return db.read(c -> Statements.list(c, "SELECT h.id, h.source_id, h.key, h.category FROM headlines h"
                + SqlHeadlineHistory.PUBLISHED_NEWEST_FIRST, rs -> {
                    String source = rs.getString(2);
                    Set<String> chosen = sections.getOrDefault(source, Set.of());
                    boolean wanted = !excluded.contains(source)
                            && (chosen.isEmpty() || rs.getString(4) != null && chosen.contains(rs.getString(4)))
                            && query.matches(BengaliText.words(rs.getString(3)));
                    return wanted ? rs.getLong(1) : -1L;
                })).stream().filter(id -> id >= 0).toList();
    }
}
