package app.khobor.chat;

import app.khobor.news.HeadlineStore;
import app.khobor.news.StoredHeadline;
import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** HeadlineStore fake: a list, searched the way the real one promises (every query word a prefix of a word). */
final class InMemoryHeadlines implements HeadlineStore {
    private final List<StoredHeadline> rows = new ArrayList<>();

    StoredHeadline add(String sourceId, String title, String url, Instant firstSeen) {
        StoredHeadline h = new StoredHeadline(rows.size() + 1, sourceId, title, BengaliText.searchKey(title), url, url,
                null, firstSeen);
        rows.add(h);
        return h;
    }

    @Override
    public boolean wasRead(String sourceId) {
        return true;
    }

    @Override
    public void markRead(String sourceId, Instant at) {}

    @Override
    public boolean contains(String sourceId, String canonicalUrl) {
        return rows.stream().anyMatch(h -> h.sourceId().equals(sourceId) && h.canonicalUrl().equals(canonicalUrl));
    }

    @Override
    public Optional<StoredHeadline> insert(Headline headline, String canonicalUrl, String key, Instant firstSeen) {
        throw new UnsupportedOperationException("not needed by chat tests");
    }

    @Override
    public Optional<app.khobor.news.SourceCursor> loadCursor(String sourceId) {
        return Optional.empty();
    }

    @Override
    public void saveCursor(String sourceId, app.khobor.news.SourceCursor cursor) {
    }

    @Override
    public List<StoredHeadline> insertAll(List<app.khobor.news.NewHeadline> headlines, Instant firstSeen) {
        List<StoredHeadline> stored = new ArrayList<>();
        for (app.khobor.news.NewHeadline h : headlines) {
            insert(h.headline(), h.canonicalUrl(), h.key(), firstSeen).ifPresent(stored::add);
        }
        return stored;
    }

    @Override
    public List<StoredHeadline> insertAll(List<app.khobor.news.NewHeadline> headlines, Instant firstSeen,
                                          boolean toAnnounce) {
        return insertAll(headlines, firstSeen);
    }

    @Override
    public List<StoredHeadline> unannounced(int limit) {
        return List.of();
    }

    @Override
    public void markAnnounced(List<StoredHeadline> headlines) {
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
