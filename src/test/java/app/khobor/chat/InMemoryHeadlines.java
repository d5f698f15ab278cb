package app.khobor.chat;

import app.khobor.news.HeadlineHistory;
import app.khobor.news.NewHeadline;
import app.khobor.news.StoredHeadline;
import app.khobor.text.BengaliText;
import app.khobor.text.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** HeadlineHistory fake: a list, searched the way the real one promises (every query word a prefix of a word). */
final class InMemoryHeadlines implements HeadlineHistory {
    private final List<StoredHeadline> rows = new ArrayList<>();

    StoredHeadline add(String sourceId, String title, String url, Instant firstSeen) {
        StoredHeadline h = new StoredHeadline(rows.size() + 1, sourceId, title, BengaliText.searchKey(title), url, url,
                null, firstSeen);
        rows.add(h);
        return h;
    }

    /** A headline filed under {@code category} (a section). */
    StoredHeadline add(String sourceId, String title, String url, Instant firstSeen, String category) {
        StoredHeadline h = new StoredHeadline(rows.size() + 1, sourceId, title, BengaliText.searchKey(title), url, url,
                null, firstSeen, category);
        rows.add(h);
        return h;
    }

    @Override
    public List<String> sections(String sourceId, Instant since, int limit) {
        Map<String, Long> counts = rows.stream()
                .filter(h -> h.sourceId().equals(sourceId) && h.category() != null && !h.firstSeen().isBefore(since))
                .collect(Collectors.groupingBy(StoredHeadline::category, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public List<StoredHeadline> latestPublished(int limit, Set<String> excludedSources, Map<String, Set<String>> sections) {
        return published().stream().filter(h -> !excludedSources.contains(h.sourceId()))
                .filter(h -> sections.getOrDefault(h.sourceId(), Set.of()).isEmpty()
                        || sections.get(h.sourceId()).contains(h.category()))
                .limit(limit).toList();
    }

    @Override
    public boolean contains(String sourceId, String canonicalUrl) {
        return rows.stream().anyMatch(h -> h.sourceId().equals(sourceId) && h.canonicalUrl().equals(canonicalUrl));
    }

    @Override
    public List<StoredHeadline> insertAll(List<NewHeadline> headlines, Instant firstSeen, boolean toAnnounce) {
        throw new UnsupportedOperationException("not needed by chat tests");
    }

    @Override
    public Optional<StoredHeadline> byId(long id) {
        return rows.stream().filter(h -> h.id() == id).findFirst();
    }

    @Override
    public List<StoredHeadline> latest(int limit) {
        return newestFirst().stream().limit(limit).toList();
    }

    @Override
    public List<StoredHeadline> search(List<String> wordKeys, int limit) {
        return newestFirst().stream().filter(h -> BengaliText.matchesAll(BengaliText.words(h.key()), wordKeys))
                .limit(limit).toList();
    }

    @Override
    public List<StoredHeadline> latestPublished(int limit, Set<String> excludedSources) {
        return published().stream().filter(h -> !excludedSources.contains(h.sourceId())).limit(limit).toList();
    }

    @Override
    public SearchPage searchPublished(List<String> wordKeys, Set<String> excludedSources, int offset, int limit) {
        List<StoredHeadline> all = published().stream().filter(h -> !excludedSources.contains(h.sourceId()))
                .filter(h -> BengaliText.matchesAll(BengaliText.words(h.key()), wordKeys)).toList();
        int from = Math.min(offset, all.size());
        return new SearchPage(all.subList(from, Math.min(all.size(), from + limit)), all.size());
    }

    @Override
    public SearchPage searchPublished(SearchQuery query, Set<String> excludedSources,
            Map<String, Set<String>> sections, int offset, int limit) {
        List<StoredHeadline> all = published().stream().filter(h -> !excludedSources.contains(h.sourceId()))
                .filter(h -> query.matches(BengaliText.words(h.key()))).toList();
        int from = Math.min(offset, all.size());
        return new SearchPage(all.subList(from, Math.min(all.size(), from + limit)), all.size());
    }

    @Override
    public long countNewSince(Instant since) {
        return countSince(since);
    }

    /** Newest published first, then in the order added (feed order). */
    private List<StoredHeadline> published() {
        return rows.stream().sorted(Comparator.comparing(StoredHeadline::listedAt).reversed()
                .thenComparing(Comparator.comparing(StoredHeadline::firstSeen).reversed())
                .thenComparing(StoredHeadline::id)).toList();
    }

    @Override
    public long countSince(Instant since) {
        return rows.stream().filter(h -> !h.firstSeen().isBefore(since)).count();
    }

    @Override
    public void markSeen(String sourceId, Collection<String> canonicalUrls, Instant at) {}

    @Override
    public int purgeBefore(Instant cutoff) {
        return 0;
    }

    private List<StoredHeadline> newestFirst() {
        return rows.stream().sorted(Comparator.comparing(StoredHeadline::firstSeen)
                .thenComparing(StoredHeadline::id).reversed()).toList();
    }
}
