package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.db.Statements;
import app.khobor.source.Headline;
import app.khobor.text.SearchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link HeadlineHistory} in table {@code headlines} and its word index (V1.sql to V7.sql; the index as of V11.sql;
 * stories V12). SQLite's word index is kept by triggers; PostgreSQL's ({@link HeadlineWords}) is written here, in the
 * insert's transaction, and loses a headline's words with it (ON DELETE CASCADE). No statement changes a stored key.
 */
final class SqlHeadlineHistory implements HeadlineHistory {
    /** Links per UPDATE of last_seen: well under SQLite's oldest limit of 999 bound parameters per statement. */
    static final int SEEN_CHUNK = 500;
    static final String COLUMNS = "h.id, h.source_id, h.title, h.key, h.url, h.canonical_url, h.published_at, h.first_seen, h.category,"
            + " COALESCE(h.story_id, h.id)";
    static final String NEWEST_FIRST = " ORDER BY h.first_seen DESC, h.id DESC LIMIT ?";
    /**
     * Publication time (V6); at equal times the later sighting, then feed order (one read's rows are stored top of
     * the feed first).
     */
    static final String PUBLISHED_NEWEST_FIRST = " ORDER BY h.published_ms DESC, h.first_seen DESC, h.id ASC";

    private final Database db;
    private final HeadlineSearch search;

    SqlHeadlineHistory(Database db) {
        this.db = db;
        this.search = new HeadlineSearch(db);
    }

    @Override
    public boolean contains(String sourceId, String canonicalUrl) {
        return db.read(c -> Statements.exists(c, "SELECT 1 FROM headlines WHERE source_id = ? AND canonical_url = ?",
                sourceId, canonicalUrl));
    }

    @Override
    public List<StoredHeadline> insertAll(List<NewHeadline> headlines, Instant firstSeen, boolean toAnnounce) {
        if (headlines.isEmpty()) {
            return List.of();
        }
        return db.transaction(c -> {
            List<StoredHeadline> stored = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO headlines (source_id, title, key, url, canonical_url, published_at, first_seen, last_seen, announced,
                      published_ms, baseline, category)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, canonical_url) DO NOTHING RETURNING id""")) {
                for (NewHeadline h : headlines) {
                    insertOne(insert, h, firstSeen, toAnnounce).ifPresent(stored::add);
                }
            }
            HeadlineWords.add(c, db.engine(), stored);
            return stored;
        });
    }

    private static Optional<StoredHeadline> insertOne(PreparedStatement insert, NewHeadline h, Instant firstSeen,
                                                      boolean toAnnounce) throws SQLException {
        Headline headline = h.headline();
        OffsetDateTime published = headline.publishedAt();
        Statements.bind(insert, headline.sourceId(), headline.title(), h.key(), headline.url(), h.canonicalUrl(),
                published == null ? null : published.toString(), firstSeen.toEpochMilli(), firstSeen.toEpochMilli(),
                toAnnounce ? 0 : 1, StoredHeadline.listedAt(published, firstSeen).toEpochMilli(), toAnnounce ? 0 : 1,
                Sections.of(headline));
        try (ResultSet rs = insert.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredHeadline(rs.getLong(1), headline.sourceId(), headline.title(), h.key(),
                    headline.url(), h.canonicalUrl(), published, Instant.ofEpochMilli(firstSeen.toEpochMilli()),
                    Sections.of(headline)));
        }
    }

    @Override
    public void markSeen(String sourceId, Collection<String> canonicalUrls, Instant at) {
        if (canonicalUrls.isEmpty()) {
            return;
        }
        List<String> urls = List.copyOf(canonicalUrls);
        db.transaction(c -> {
            int updated = 0;
            for (int from = 0; from < urls.size(); from += SEEN_CHUNK) {
                updated += markSeen(c, sourceId, urls.subList(from, Math.min(urls.size(), from + SEEN_CHUNK)), at);
            }
            return updated;
        });
    }

    /**
     * One UPDATE for a chunk of links, found through the (source_id, canonical_url) unique index. Rows already at
     * {@code at} or later are not rewritten: a link a page shows twice, or one just inserted, costs a lookup only.
     */
    private static int markSeen(Connection c, String sourceId, List<String> urls, Instant at) throws SQLException {
        String sql = "UPDATE headlines SET last_seen = ? WHERE source_id = ? AND canonical_url IN ("
                + String.join(", ", Collections.nCopies(urls.size(), "?"))
                + ") AND COALESCE(last_seen, first_seen) < ?";
        List<Object> params = new ArrayList<>(urls.size() + 3);
        params.add(at.toEpochMilli());
        params.add(sourceId);
        params.addAll(urls);
        params.add(at.toEpochMilli());
        return Statements.update(c, sql, params.toArray());
    }

    @Override
    public List<StoredHeadline> latest(int limit) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM headlines h" + NEWEST_FIRST, limit));
    }

    @Override
    public List<StoredHeadline> latestPublished(int limit, Set<String> excludedSources) {
        return latestPublished(limit, excludedSources, Map.of());
    }

    @Override
    public List<StoredHeadline> latestPublished(int limit, Set<String> excludedSources, Map<String, Set<String>> sections) {
        if (limit <= 0) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(excludedSources);
        String where = notFrom(excludedSources) + inSections(sections, excludedSources.isEmpty(), params);
        params.add(limit);
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM headlines h" + where
                + PUBLISHED_NEWEST_FIRST + " LIMIT ?", params.toArray()));
    }

    /**
     * For each source narrowed to some sections, " AND NOT (h.source_id = ? AND category not among them)"; adds the
     * parameters. A narrowed source's headline without a section is left out too.
     */
    static String inSections(Map<String, Set<String>> sections, boolean first, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (Map.Entry<String, Set<String>> e : sections.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            sql.append(first ? " WHERE" : " AND").append(" NOT (h.source_id = ? AND COALESCE(h.category, '') NOT IN (")
                    .append(String.join(", ", Collections.nCopies(e.getValue().size(), "?"))).append("))");
            params.add(e.getKey());
            params.addAll(e.getValue());
            first = false;
        }
        return sql.toString();
    }

    @Override
    public List<String> sections(String sourceId, Instant since, int limit) {
        return db.read(c -> Statements.list(c, """
                SELECT category FROM headlines WHERE source_id = ? AND category IS NOT NULL AND first_seen >= ?
                GROUP BY category ORDER BY COUNT(*) DESC, MAX(first_seen) DESC, category LIMIT ?""",
                rs -> rs.getString(1), sourceId, since.toEpochMilli(), limit));
    }

    /** " WHERE h.source_id NOT IN (?, ...)" for the excluded sources, "" for none. */
    static String notFrom(Set<String> excludedSources) {
        return excludedSources.isEmpty() ? ""
                : " WHERE h.source_id NOT IN (" + String.join(", ", Collections.nCopies(excludedSources.size(), "?")) + ")";
    }

    @Override
    public SearchPage searchPublished(List<String> wordKeys, Set<String> excludedSources, int offset, int limit) {
        return search.page(SearchQuery.allOf(wordKeys), excludedSources, Map.of(), offset, limit);
    }

    @Override
    public SearchPage searchPublished(List<String> wordKeys, Set<String> excludedSources,
            Map<String, Set<String>> sections, int offset, int limit) {
        return search.page(SearchQuery.allOf(wordKeys), excludedSources, sections, offset, limit);
    }

    @Override
    public SearchPage searchPublished(SearchQuery query, Set<String> excludedSources,
            Map<String, Set<String>> sections, int offset, int limit) {
        return search.page(query, excludedSources, sections, offset, limit);
    }

    @Override
    public long countNewSince(Instant since) {
        return db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM headlines WHERE first_seen >= ? AND baseline = 0",
                since.toEpochMilli()));
    }

    @Override
    public Optional<StoredHeadline> byId(long id) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM headlines h WHERE h.id = ?", id)).stream().findFirst();
    }

    @Override
    public List<StoredHeadline> search(List<String> wordKeys, int limit) {
        return search.find(wordKeys, limit);
    }

    @Override
    public long countSince(Instant since) {
        return db.read(c -> Statements.number(c, "SELECT COUNT(*) FROM headlines WHERE first_seen >= ?", since.toEpochMilli()));
    }

    @Override
    public void joinStories(Map<Long, Long> storyOf) {
        if (storyOf.isEmpty()) {
            return;
        }
        db.transaction(c -> Statements.batch(c, "UPDATE headlines SET story_id = ? WHERE id = ?", storyOf.entrySet(),
                e -> new Object[] {e.getValue(), e.getKey()}));
    }

    @Override
    public List<StoredHeadline> firstSeenSince(Instant since) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM headlines h WHERE h.first_seen >= ? ORDER BY h.id",
                since.toEpochMilli()));
    }

    @Override
    public List<StoredHeadline> story(long storyId) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM headlines h WHERE h.story_id = ? ORDER BY h.id", storyId));
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return db.write(c -> Statements.update(c, "DELETE FROM headlines WHERE COALESCE(last_seen, first_seen) < ?",
                cutoff.toEpochMilli()));
    }

    static List<StoredHeadline> query(Connection c, String sql, Object... params) throws SQLException {
        return Statements.list(c, sql, SqlHeadlineHistory::row, params);
    }

    /** A row of {@link #COLUMNS}. */
    static StoredHeadline row(ResultSet rs) throws SQLException {
        String published = rs.getString(7);
        return new StoredHeadline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), published == null ? null : OffsetDateTime.parse(published), Instant.ofEpochMilli(rs.getLong(8)),
                rs.getString(9), rs.getLong(10));
    }
}
