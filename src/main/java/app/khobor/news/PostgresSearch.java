package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@link HeadlineSearch} on PostgreSQL. The word index ({@link WordRows}) gives the candidates in SQL; every row shown
 * is then matched exactly in Java ({@link SearchQuery#matches} on {@link BengaliText#words} of the key), as on SQLite,
 * so both engines find the same headlines by construction.
 *
 * <p>Each statement has one sensible plan whatever its parameters, so a plan PostgreSQL caches for a prepared
 * statement (a generic plan, chosen after a few runs of the same text) is never one made for another word: a rare
 * word's generic plan walking the whole history cost 95 ms a page where its own takes 1 ms (SearchBench). So the
 * candidates are fetched as ids and the rows read by {@code id = ANY(?)}, limits are written into the text, and
 * the way is chosen here by the number of matches (SearchBench, 200,000 rows, bench/RESULTS.md):
 *
 * <ul>
 *   <li>Without phrases the candidates are exactly the matches: their ids are the total (or SQL counts their rows
 *       left when sources or sections are left out), and below {@link #walkFrom} the page is read among them,
 *       sorted by PostgreSQL.
 *   <li>From {@link #walkFrom} matches, the published index is walked newest first with a {@code strpos}
 *       pre-filter on the key (SQLite's WALK_ROWS): a common word fills a page within a few hundred rows.
 *   <li>With a phrase the candidates only hold its words somewhere: every candidate's key is read, matched and
 *       counted, then the page's rows loaded.
 * </ul>
 */
final class PostgresSearch {
    /** Matches from which a page may be walked through every row. */
    static final int WALK_FROM = 2_000;

    /**
     * {@link HeadlineSearch.Way#WALK_ROWS} from {@link #walkFrom} matches, else the page is read among the matches
     * ({@link HeadlineSearch.Way#READ_ALL}; there is no separate walk through the matches here).
     */
    static final HeadlineSearch.Chooser MEASURED = (matches, wanted, rows) ->
            matches >= walkFrom(wanted, rows) ? HeadlineSearch.Way.WALK_ROWS : HeadlineSearch.Way.READ_ALL;

    private final Database db;
    private final HeadlineSearch.Chooser chooser;

    /** @param chooser picks the way for a page: {@link HeadlineSearch.Way#WALK_ROWS} walks, any other reads the matches */
    PostgresSearch(Database db, HeadlineSearch.Chooser chooser) {
        this.db = db;
        this.chooser = chooser;
    }

    /**
     * From how many matches walking every row is cheaper than reading the matches: a walk reads about
     * {@code wanted * rows / matches} rows, reading the matches costs each one; equal at about
     * {@code sqrt(wanted * rows)} with the two per-row costs taken as alike (a walked row cost about 1.3 us in EXPLAIN
     * ANALYZE at 200,000 rows; not measured finer), at least {@value #WALK_FROM}.
     */
    static long walkFrom(long wanted, long rows) {
        return Math.max(WALK_FROM, (long) Math.sqrt((double) wanted * rows));
    }

    private record Candidate(long id, String sourceId, String key, String category) {
        static Candidate of(ResultSet rs) throws SQLException {
            return new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    /** See {@link HeadlineSearch#page}; {@code loader} loads the page's rows by id. */
    HeadlineHistory.SearchPage page(SearchQuery query, Set<String> excludedSources, Map<String, Set<String>> sections,
            int from, int limit, LongSupplier rows, Function<List<Long>, List<StoredHeadline>> loader) {
        Optional<WordRows.Sql> candidates = WordRows.candidates(query);
        if (candidates.isEmpty()) {
            return new HeadlineHistory.SearchPage(List.of(), 0);
        }
        List<Object> filterParams = new ArrayList<>(excludedSources);
        String filters = SqlHeadlineHistory.notFrom(excludedSources).replaceFirst("^ WHERE", " AND")
                + SqlHeadlineHistory.inSections(sections, false, filterParams);
        if (!WordRows.isExact(query)) {
            List<Long> ids = matching(query, among(ids(candidates.get()), filters, filterParams, ""));
            int start = Math.min(from, ids.size());
            return new HeadlineHistory.SearchPage(loader.apply(ids.subList(start, Math.min(ids.size(), start + limit))),
                    ids.size());
        }
        List<Long> ids = ids(candidates.get());
        long total = filters.isEmpty() ? ids.size() : countAmong(ids, filters, filterParams);
        if (total <= from) {
            return new HeadlineHistory.SearchPage(List.of(), (int) total);
        }
        List<Long> page;
        if (chooser.choose(total, from + limit, rows.getAsLong()) == HeadlineSearch.Way.WALK_ROWS) {
            page = walk(query, filters, filterParams, from, limit);
        } else { // the matches newest published first: PostgreSQL sorts them and sends the first from + limit
            page = matching(query, among(ids, filters, filterParams, " LIMIT " + (from + limit)));
            page = page.subList(Math.min(from, page.size()), Math.min(page.size(), from + limit));
        }
        return new HeadlineHistory.SearchPage(loader.apply(page), (int) total);
    }

    /**
     * {@link HeadlineSearch#find} past the newest rows: the headlines holding every word as a prefix, newest first
     * seen, at most {@code limit}.
     */
    List<StoredHeadline> find(List<String> words, int limit) {
        Optional<WordRows.Sql> candidates = WordRows.allOf(words);
        List<Long> ids = candidates.isEmpty() ? List.of() : ids(candidates.get());
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> SqlHeadlineHistory.query(c, "SELECT " + SqlHeadlineHistory.COLUMNS
                + " FROM headlines h WHERE h.id = ANY(?)" + SqlHeadlineHistory.NEWEST_FIRST,
                withIds(c, ids, List.of(limit)))).stream()
                .filter(h -> BengaliText.matchesAll(BengaliText.words(h.key()), words))
                .toList();
    }

    /** The candidates' ids (each once). */
    private List<Long> ids(WordRows.Sql candidates) {
        return db.read(c -> Statements.list(c, candidates.text(), rs -> rs.getLong(1), candidates.params().toArray()));
    }

    private long countAmong(List<Long> ids, String filters, List<Object> filterParams) {
        return db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM headlines h WHERE h.id = ANY(?)" + filters,
                withIds(c, ids, filterParams)));
    }

    /** The rows of {@code ids} left after the filters (id, source, key, section), newest published first. */
    private List<Candidate> among(List<Long> ids, String filters, List<Object> filterParams, String limit) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> Statements.list(c, "SELECT h.id, h.source_id, h.key, h.category FROM headlines h"
                + " WHERE h.id = ANY(?)" + filters + SqlHeadlineHistory.PUBLISHED_NEWEST_FIRST + limit, Candidate::of,
                withIds(c, ids, filterParams)));
    }

    private static Object[] withIds(Connection c, List<Long> ids, List<Object> params) throws SQLException {
        Array array = c.createArrayOf("bigint", ids.toArray());
        List<Object> all = new ArrayList<>(List.of(array));
        all.addAll(params);
        return all.toArray();
    }

    /**
     * The page by walking every row newest published first, each required clause pre-filtered by {@code strpos} on
     * the key (a word of a key is a substring of it), in growing LIMITs until {@code from + limit} rows matched.
     */
    private List<Long> walk(SearchQuery query, String filters, List<Object> filterParams, int from, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (SearchQuery.Clause clause : query.required()) {
            List<String> keys = clause.alternatives().stream()
                    .flatMap(t -> t.words().get(0).keys().stream()).distinct().toList();
            where.append(where.length() == 0 ? " WHERE (" : " AND (")
                    .append(String.join(" OR ", keys.stream().map(k -> "strpos(h.key, ?) > 0").toList())).append(")");
            params.addAll(keys);
        }
        params.addAll(filterParams);
        String sql = "SELECT h.id, h.source_id, h.key, h.category FROM headlines h" + where + filters
                + SqlHeadlineHistory.PUBLISHED_NEWEST_FIRST + " LIMIT ";
        for (long rows = 4L * (from + limit); ; rows *= 4) {
            String limited = sql + rows;
            List<Candidate> read = db.read(c -> Statements.list(c, limited, Candidate::of, params.toArray()));
            List<Long> matched = matching(query, read);
            if (matched.size() >= from + limit || read.size() < rows) {
                return matched.subList(Math.min(from, matched.size()), Math.min(matched.size(), from + limit));
            }
        }
    }

    /** The ids of the rows the query matches exactly, in their order. */
    private static List<Long> matching(SearchQuery query, List<Candidate> rows) {
        return rows.stream().filter(h -> query.matches(BengaliText.words(h.key()))).map(Candidate::id).toList();
    }
}
