package app.khobor.news;

import static app.khobor.news.SqlHeadlineHistory.COLUMNS;
import static app.khobor.news.SqlHeadlineHistory.NEWEST_FIRST;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Word search over the history. {@link #page} serves /search (the query language, pages, the number of matches; see
 * there). {@link #find}, the plain word list newest first seen, works in two steps chosen by measurement (StoreBench,
 * 100k rows):
 *
 * <ol>
 *   <li>The newest {@value #RECENT_WINDOW} rows, walked newest first through the first_seen index with an
 *       {@code instr} pre-filter on the key. A common word fills the page within a few rows, where the word index
 *       would have to fetch and sort every one of its (tens of thousands of) matches.
 *   <li>Otherwise the FTS5 word index, which finds rare words without reading the table; its matches are then few,
 *       because fewer than {@code limit} of them were among the newest rows.
 * </ol>
 *
 * Both steps end with {@link BengaliText#matchesAll}, so the result is exactly the documented prefix rule even where
 * SQLite's Unicode tables or case folding differ from Java's. The window is a prefix of the newest-first order, so
 * when it yields {@code limit} rows they are the right ones. The {@code instr} pre-filter assumes what BengaliText
 * promises: a word of a key is a substring of that key ({@code searchKey} applied twice changes nothing).
 *
 * <p>On PostgreSQL the first step is the same ({@code strpos} for {@code instr}); the word index there is
 * {@code headline_words}, so the second step and {@link #page} are {@link PostgresSearch}'s, with the same exact checks.
 */
final class HeadlineSearch {
    static final int RECENT_WINDOW = 2000;

    /** Exact matches from which a page may be walked through every row; from a quarter of it through the matches. */
    static final int WALK_FROM = 1000;

    /** How a page is found; see {@link #page}. */
    enum Way { READ_ALL, WALK_MATCHES, WALK_ROWS }

    /** Picks the way from the exact matches, the rows wanted ({@code offset + limit}) and the rows in the history. */
    interface Chooser {
        Way choose(long matches, long wanted, long rows);
    }

    /**
     * The costs per row, roughly, on the shared 2-core VM at load 10-15 (SearchBench, 200,000 rows), with each way's
     * cost set equal to the next one's: reading a candidate and matching it about 8 us;
     * walking the published index past a row the word index did not find about 0.2 us, and putting a match into the
     * set the walk checks against about 0.4 us; walking the table and pre-filtering a row in Java about 4 us.
     */
    static final Chooser MEASURED = (matches, wanted, rows) -> {
        double spread = (double) wanted * rows;
        if (matches < Math.max(WALK_FROM / 4, Math.sqrt(spread / 40))) {
            return Way.READ_ALL;
        }
        return matches < Math.max(WALK_FROM, Math.sqrt(spread * 10)) ? Way.WALK_MATCHES : Way.WALK_ROWS;
    };

    private final Database db;
    private final Chooser chooser;
    private final PostgresSearch postgres;

    HeadlineSearch(Database db) {
        this(db, db.engine() == Engine.POSTGRESQL ? PostgresSearch.MEASURED : MEASURED);
    }

    /** @param chooser picks the way for a page (on PostgreSQL see {@link PostgresSearch}); tests pin each one */
    HeadlineSearch(Database db, Chooser chooser) {
        this.db = db;
        this.chooser = chooser;
        this.postgres = new PostgresSearch(db, chooser);
    }

    /** See {@link HeadlineHistory#search}. */
    List<StoredHeadline> find(List<String> wordKeys, int limit) {
        List<String> words = wordKeys.stream().filter(w -> !w.isBlank()).toList();
        Optional<String> match = FtsQuery.allPrefixes(words);
        if (words.isEmpty() || match.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<StoredHeadline> recent = exact(recent(words, limit), words, limit);
        if (recent.size() == limit) {
            return recent;
        }
        return db.engine() == Engine.POSTGRESQL ? postgres.find(words, limit) : indexed(match.get(), words, limit);
    }

    /**
     * Matches among the newest rows, at most {@code limit}. The window is "first seen at or after the time of the
     * {@value #RECENT_WINDOW}th newest row", a range of the first_seen index, so SQLite walks that index backwards and
     * stops at the limit or at the window's end instead of reading the table.
     */
    private List<StoredHeadline> recent(List<String> words, int limit) {
        Optional<Long> since = db.read(c -> windowStart(c));
        String contains = String.join(" AND ", Collections.nCopies(words.size(), db.engine().contains("h.key")));
        String sql = "SELECT " + COLUMNS + " FROM headlines h WHERE h.first_seen >= ? AND " + contains + NEWEST_FIRST;
        List<Object> params = new ArrayList<>();
        params.add(since.orElse(Long.MIN_VALUE));
        params.addAll(words);
        params.add(limit);
        return db.read(c -> SqlHeadlineHistory.query(c, sql, params.toArray()));
    }

    private static Optional<Long> windowStart(Connection c) throws SQLException {
        return Statements.first(c, "SELECT first_seen FROM headlines ORDER BY first_seen DESC LIMIT 1 OFFSET ?",
                rs -> rs.getLong(1), RECENT_WINDOW - 1);
    }

    /** Reads a larger page of candidates in the rare case that the exact filter drops some. */
    private List<StoredHeadline> indexed(String match, List<String> words, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM headlines_fts f JOIN headlines h ON h.id = f.rowid"
                + " WHERE headlines_fts MATCH ?" + NEWEST_FIRST;
        for (long page = limit; ; page *= 4) {
            long size = page;
            List<StoredHeadline> candidates = db.read(c -> SqlHeadlineHistory.query(c, sql, match, size));
            List<StoredHeadline> found = exact(candidates, words, limit);
            if (found.size() == limit || candidates.size() < page) {
                return found;
            }
        }
    }

    private record Candidate(long id, String sourceId, String key, String category) {
        boolean inSections(Map<String, Set<String>> sections) {
            Set<String> chosen = sections.get(sourceId);
            return chosen == null || chosen.isEmpty() || category != null && chosen.contains(category);
        }

        static Candidate of(ResultSet rs) throws SQLException {
            return new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    /**
     * See {@link HeadlineHistory#searchPublished}. The word index first counts the exact matches ({@link FtsQuery#exact});
     * which of three ways is cheapest depends on that count (SearchBench, 200,000 rows, costs at {@link #MEASURED}):
     *
     * <ul>
     *   <li>{@link Way#READ_ALL}, few: every candidate is read (id, source, key and section), filtered exactly and
     *       counted; then only the page's rows are loaded.
     *   <li>{@link Way#WALK_MATCHES}, some hundreds to thousands: the published_ms index is walked newest first, and
     *       only the rows among the word index's candidates are read and matched exactly, until {@code offset + limit}
     *       matched.
     *   <li>{@link Way#WALK_ROWS}, a common word: the same walk reading every row with a cheap pre-filter, which fills
     *       a page within a few hundred rows and spares putting tens of thousands of candidates into a set.
     * </ul>
     *
     * When walking, the total is the word index's count (joined to the rows when sources or sections are left out).
     * The way is chosen on exact matches, not candidates: a phrase of two common words, or a common word minus another,
     * may match few rows, and a walk would then read the whole history.
     */
    HeadlineHistory.SearchPage page(SearchQuery query, Set<String> excludedSources, Map<String, Set<String>> sections,
            int offset, int limit) {
        if (db.engine() == Engine.POSTGRESQL) {
            return limit <= 0 ? new HeadlineHistory.SearchPage(List.of(), 0)
                    : postgres.page(query, excludedSources, sections, Math.max(0, offset), limit, this::rows, this::load);
        }
        Optional<String> match = FtsQuery.candidates(query);
        if (match.isEmpty() || limit <= 0) {
            return new HeadlineHistory.SearchPage(List.of(), 0);
        }
        int from = Math.max(0, offset);
        Optional<String> exact = FtsQuery.exact(query);
        if (exact.isPresent()) {
            // Counted without a limit: when the walk is taken, this is the total (unless sources are left out).
            long matches = db.read(c -> Statements.number(c,
                    "SELECT COUNT(*) FROM headlines_fts WHERE headlines_fts MATCH ?", exact.get()));
            Way way = matches == 0 ? Way.READ_ALL : chooser.choose(matches, from + limit, rows());
            if (way != Way.READ_ALL) {
                return walked(query, way == Way.WALK_MATCHES ? match : Optional.empty(), exact.get(), matches,
                        excludedSources, sections, from, limit);
            }
        }
        return readAll(query, match.get(), excludedSources, sections, from, limit);
    }

    /** About the number of rows: read from both ends of the id order, where COUNT(*) would read a whole index. */
    private long rows() {
        // Two subqueries: MAX(id) - MIN(id) in one SELECT would scan the table instead of reading both ends.
        return db.read(c -> Statements.number(c,
                "SELECT COALESCE((SELECT MAX(id) FROM headlines) - (SELECT MIN(id) FROM headlines) + 1, 0)"));
    }

    private HeadlineHistory.SearchPage readAll(SearchQuery query, String match, Set<String> excludedSources,
            Map<String, Set<String>> sections, int from, int limit) {
        String sql = "SELECT h.id, h.source_id, h.key, h.category FROM headlines_fts f JOIN headlines h ON h.id = f.rowid"
                + " WHERE headlines_fts MATCH ?" + SqlHeadlineHistory.PUBLISHED_NEWEST_FIRST;
        List<Long> ids = db.read(c -> Statements.list(c, sql, Candidate::of, match)).stream()
                .filter(h -> !excludedSources.contains(h.sourceId()) && h.inSections(sections))
                .filter(h -> query.matches(BengaliText.words(h.key())))
                .map(Candidate::id)
                .toList();
        int start = Math.min(from, ids.size());
        List<Long> pageIds = ids.subList(start, Math.min(ids.size(), start + limit));
        return new HeadlineHistory.SearchPage(load(pageIds), ids.size());
    }

    /**
     * The page by walking the history newest published first (the published_ms index), each row matched exactly; the
     * total from the word index. The walk stops at the page's last row.
     */
    private HeadlineHistory.SearchPage walked(SearchQuery query, Optional<String> candidates, String exact, long matches,
            Set<String> excludedSources, Map<String, Set<String>> sections, int from, int limit) {
        Predicate<String> mayMatch = mayMatch(query);
        List<Object> params = new ArrayList<>(excludedSources);
        String where = SqlHeadlineHistory.notFrom(excludedSources)
                + SqlHeadlineHistory.inSections(sections, excludedSources.isEmpty(), params);
        String sql = walk(candidates.isPresent(), where);
        List<Object> walkParams = new ArrayList<>(params);
        candidates.ifPresent(m -> walkParams.add(0, m));
        List<Long> ids = db.read(c -> {
            List<Long> page = new ArrayList<>(limit);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Statements.bind(s, walkParams.toArray());
                try (ResultSet rs = s.executeQuery()) {
                    for (int matched = 0; page.size() < limit && rs.next(); ) {
                        String key = rs.getString(3);
                        if (mayMatch.test(key) && query.matches(BengaliText.words(key)) && matched++ >= from) {
                            page.add(rs.getLong(1));
                        }
                    }
                }
            }
            return page;
        });
        return new HeadlineHistory.SearchPage(load(ids), where.isEmpty() ? (int) matches : count(exact, where, params));
    }

    /**
     * The walk newest published first. With the word index's candidates, only their rows are read: the ids are
     * checked on the published_ms index's entries (which hold them) before a row is fetched. Both the index and the
     * unary {@code +} are needed: otherwise SQLite fetches every candidate by id and sorts them all, the cost the walk
     * is there to avoid.
     */
    private static String walk(boolean candidates, String where) {
        String among = " WHERE +h.id IN (SELECT rowid FROM headlines_fts WHERE headlines_fts MATCH ?)";
        return "SELECT h.id, h.source_id, h.key, h.category FROM headlines h"
                + (candidates ? " INDEXED BY headlines_published" + among + where.replaceFirst("^ WHERE", " AND") : where)
                + SqlHeadlineHistory.PUBLISHED_NEWEST_FIRST;
    }

    /**
     * A cheap test that rejects most rows of the walk before the exact one: each required clause needs some key of one
     * of its terms inside the headline's key (a word of a key is a substring of it, see the class comment).
     */
    private static Predicate<String> mayMatch(SearchQuery query) {
        List<List<String>> clauses = query.required().stream()
                .map(c -> c.alternatives().stream().flatMap(t -> t.words().get(0).keys().stream()).toList())
                .toList();
        return key -> clauses.stream().allMatch(keys -> keys.stream().anyMatch(key::contains));
    }

    /** The word index's count of exact matches, joined to the rows to leave out sources or sections. */
    private int count(String exact, String where, List<Object> params) {
        List<Object> all = new ArrayList<>(params);
        all.add(0, exact);
        return db.read(c -> (int) Statements.number(c, "SELECT COUNT(*) FROM headlines_fts f JOIN headlines h ON h.id = f.rowid"
                + " WHERE headlines_fts MATCH ?" + where.replaceFirst("^ WHERE", " AND"), all.toArray()));
    }

    /** The rows of {@code ids}, in that order; one purged meanwhile is left out. */
    private List<StoredHeadline> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + COLUMNS + " FROM headlines h WHERE h.id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, StoredHeadline> byId = new HashMap<>();
        db.read(c -> SqlHeadlineHistory.query(c, sql, ids.toArray())).forEach(h -> byId.put(h.id(), h));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static List<StoredHeadline> exact(List<StoredHeadline> candidates, List<String> words, int limit) {
        return candidates.stream()
                .filter(h -> BengaliText.matchesAll(BengaliText.words(h.key()), words))
                .limit(limit)
                .toList();
    }
}
