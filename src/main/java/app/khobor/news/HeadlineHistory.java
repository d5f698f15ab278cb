package app.khobor.news;

import app.khobor.db.Database;
import app.khobor.text.SearchQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The history of headlines: every headline Khobor stored, found by id, newest first or by words, and purged when no
 * source has shown it for long. What each source's reads left behind is in {@link SourceReadState}; which stored
 * headlines still wait for delivery is in {@link AnnounceMarks}.
 */
public interface HeadlineHistory {

    /** The history kept in {@code db} (which picked its implementation from the URL when it was opened). */
    static HeadlineHistory create(Database db) {
        return new SqlHeadlineHistory(db);
    }

    boolean contains(String sourceId, String canonicalUrl);

    /**
     * Stores, in one transaction, every headline whose (source, canonical URL) is not there yet. With
     * {@code toAnnounce} the stored rows wait in {@link AnnounceMarks} until their hand-off to delivery succeeded, so
     * a crash in between cannot lose their pushes.
     *
     * @return the rows actually stored, in the order given
     */
    List<StoredHeadline> insertAll(List<NewHeadline> headlines, Instant firstSeen, boolean toAnnounce);

    /** One headline by its id (deliveries keep only ids); empty once purged. */
    Optional<StoredHeadline> byId(long id);

    /** Newest first by first-seen time (then id). */
    List<StoredHeadline> latest(int limit);

    /**
     * Newest first; every one of {@code wordKeys} (already search keys) must be a prefix of some word of the headline's key.
     * Blank words are ignored; no words at all give an empty list.
     */
    List<StoredHeadline> search(List<String> wordKeys, int limit);

    /**
     * Newest first by publication time ({@link StoredHeadline#listedAt}), then feed order; headlines of the excluded
     * sources left out.
     */
    List<StoredHeadline> latestPublished(int limit, Set<String> excludedSources);

    /**
     * One page of the matches of {@link #search}'s rule, newest first as {@link #latestPublished}, with the number of
     * all matches (the excluded sources' left out).
     */
    SearchPage searchPublished(List<String> wordKeys, Set<String> excludedSources, int offset, int limit);

    /**
     * As {@link #latestPublished(int, Set)}, and of a source in {@code sections} (source id to its chosen sections;
     * an empty set is every section) only headlines filed under one of them.
     */
    default List<StoredHeadline> latestPublished(int limit, Set<String> excludedSources, Map<String, Set<String>> sections) {
        return latestPublished(limit, excludedSources);
    }

    /** As {@link #searchPublished(List, Set, int, int)}, narrowed to {@code sections} as {@link #latestPublished(int, Set, Map)}. */
    default SearchPage searchPublished(List<String> wordKeys, Set<String> excludedSources,
            Map<String, Set<String>> sections, int offset, int limit) {
        return searchPublished(wordKeys, excludedSources, offset, limit);
    }

    /**
     * One page of the headlines {@code query} matches, newest first as {@link #latestPublished}, with the number of all
     * matches; the excluded sources left out, and narrowed to {@code sections} as {@link #latestPublished(int, Set, Map)}.
     */
    SearchPage searchPublished(SearchQuery query, Set<String> excludedSources, Map<String, Set<String>> sections,
            int offset, int limit);

    /**
     * A source's sections: the categories of its headlines first seen since {@code since}, the most common first,
     * at most {@code limit}; empty for a source without sections.
     */
    default List<String> sections(String sourceId, Instant since, int limit) {
        return List.of();
    }

    /** @param total every match, not only those on the page */
    record SearchPage(List<StoredHeadline> headlines, int total) {}

    /** Headlines first seen at or after {@code since}, not counting sources' first reads (baselines, never pushed). */
    long countNewSince(Instant since);

    /** Number of headlines first seen at or after {@code since}. */
    long countSince(Instant since);

    /**
     * Records that a successful read of the source still showed these links (canonical URLs): their last-seen time
     * becomes {@code at}, in one transaction. Links not in the history are ignored; a last-seen time is never moved back.
     */
    void markSeen(String sourceId, Collection<String> canonicalUrls, Instant at);

    /**
     * Moves headlines into other stories (headline id to story id, V12), in one transaction. A headline not listed keeps
     * its story (its own id unless moved before).
     */
    default void joinStories(Map<Long, Long> storyOf) {
        if (storyOf.isEmpty()) {
            return;
        }
        throw new UnsupportedOperationException("this history keeps no stories");
    }

    /** Every headline first seen at or after {@code since}, oldest first: what the story index restores at start. */
    default List<StoredHeadline> firstSeenSince(Instant since) {
        return List.of();
    }

    /** The headlines of one story, first one first (empty once purged). */
    default List<StoredHeadline> story(long storyId) {
        return byId(storyId).stream().toList();
    }

    /**
     * Deletes headlines no read has shown since before {@code cutoff} (last seen, or first seen for rows that have no
     * last-seen time); returns how many.
     */
    int purgeBefore(Instant cutoff);
}
