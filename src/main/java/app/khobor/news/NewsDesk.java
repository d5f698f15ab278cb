package app.khobor.news;

import app.khobor.source.Headline;
import app.khobor.text.BengaliText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a source shows into what is new: canonicalises links, skips what the history already knows, stores the
 * rest, and hands back the new headlines in page order.
 *
 * <p>The first successful read of a source is its baseline: everything on it is stored and nothing is announced,
 * so adding a source (or starting on an empty database) never floods readers with old news. Position on the page
 * means nothing: a link already known is never new again, however the page is reordered, whether or not it is still
 * in the seen-cache, and across restarts.
 *
 * <p>Safe to call for different sources in parallel. Two calls for the same source at once cannot announce one
 * headline twice either: the database stores each (source, canonical URL) once and only the call that stored it
 * returns it.
 */
public final class NewsDesk {
    /** How long history is kept unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final HeadlineStore store;
    private final SeenCache seen;
    private final Clock clock;

    public NewsDesk(HeadlineStore store, SeenCache seen, Clock clock) {
        this.store = store;
        this.seen = seen;
        this.clock = clock;
    }

    /**
     * Accepts one successful read of a source.
     *
     * @return the headlines never seen before, in page order; empty for the baseline read
     */
    public List<StoredHeadline> accept(String sourceId, List<Headline> read) {
        boolean baseline = !store.wasRead(sourceId);
        if (baseline && read.isEmpty()) {
            // An empty first read (a CMS glitch) is no baseline: the feed filling up later would look all new.
            return List.of();
        }
        Instant now = clock.instant();
        List<StoredHeadline> stored = store.insertAll(unseen(sourceId, read), now, !baseline);
        stored.forEach(h -> seen.remember(h.sourceId(), h.canonicalUrl()));
        // marked after storing: a crash in between repeats the baseline, which stores nothing twice and announces nothing
        store.markRead(sourceId, now);
        return baseline ? List.of() : stored;
    }

    /** The conditional-GET validators saved with the last read, so a restart does not re-download unchanged sources. */
    public Optional<SourceCursor> cursor(String sourceId) {
        return store.loadCursor(sourceId);
    }

    /** Saves the validators of a read; call only once its headlines are stored. */
    public void saveCursor(String sourceId, SourceCursor cursor) {
        store.saveCursor(sourceId, cursor);
    }

    /**
     * Headlines stored as new whose deliveries may not have been written (the process died in between). Publishing
     * them again is safe: the outbox keeps one delivery per chat and headline.
     */
    public List<StoredHeadline> unannounced() {
        return store.unannounced(10_000);
    }

    /** Their deliveries are written: they will not be published again. */
    public void announced(List<StoredHeadline> headlines) {
        store.markAnnounced(headlines);
    }

    /** Deletes history first seen longer than {@code retention} ago; returns how many headlines went. */
    public int purgeOlderThan(Duration retention) {
        return store.purgeBefore(clock.instant().minus(retention));
    }

    /** The page's headlines not known yet, each link once (pages link one article many times), first occurrence wins. */
    private List<NewHeadline> unseen(String sourceId, List<Headline> read) {
        Map<String, NewHeadline> byUrl = new LinkedHashMap<>();
        for (Headline h : read) {
            String canonical = CanonicalUrl.of(h.url());
            if (!byUrl.containsKey(canonical) && !seen.isKnown(sourceId, canonical)) {
                byUrl.put(canonical, new NewHeadline(ofSource(sourceId, h), canonical, BengaliText.searchKey(h.title())));
            }
        }
        return new ArrayList<>(byUrl.values());
    }

    /** The history files a headline under the source that was read, whatever the parser put in the record. */
    private static Headline ofSource(String sourceId, Headline h) {
        return sourceId.equals(h.sourceId()) ? h : new Headline(sourceId, h.title(), h.url(), h.publishedAt());
    }
}
