package app.khobor.news;

import app.khobor.config.StorageSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which (source, canonical URL) pairs are already in the history, answered from memory for the links a source shows
 * again and again, so the common poll ("nothing new") does not touch the database.
 *
 * <p>Bounded by size and by time since last access; what leaves the cache is still known, because a miss asks the
 * history. Only known pairs are cached: an unknown pair is about to be stored, and a cached "no" would go stale.
 *
 * <p>Each entry also holds the last-seen time this process last wrote for the pair, so that the database's last-seen
 * time is refreshed only when it has fallen behind, not on every poll ({@link #seenBefore}). A pair found in the
 * database holds no time: its first refresh is due at once.
 */
public final class SeenCache {
    /** The time of a pair whose last-seen time in the database is not known here: earlier than any cutoff. */
    private static final Instant UNKNOWN = Instant.MIN;

    private final HeadlineHistory history;
    private final Cache<Seen, Instant> known;

    private SeenCache(HeadlineHistory history, Cache<Seen, Instant> known) {
        this.history = history;
        this.known = known;
    }

    public static SeenCache create(HeadlineHistory history, StorageSettings settings) {
        return create(history, settings, Ticker.systemTicker());
    }

    /** With the clock of expiry injected, for tests. */
    public static SeenCache create(HeadlineHistory history, StorageSettings settings, Ticker ticker) {
        if (settings.seenCacheSize() < 0) {
            throw new IllegalArgumentException("storage.seenCacheSize must not be negative, was " + settings.seenCacheSize());
        }
        Cache<Seen, Instant> cache = Caffeine.newBuilder()
                .maximumSize(settings.seenCacheSize())
                .expireAfterAccess(settings.seenCacheExpiry())
                .ticker(ticker)
                .build();
        return new SeenCache(history, cache);
    }

    /** True when the pair is in the history; a pair found only in the database is kept in memory from then on. */
    public boolean isKnown(String sourceId, String canonicalUrl) {
        Seen key = new Seen(sourceId, canonicalUrl);
        if (known.getIfPresent(key) != null) {
            return true;
        }
        boolean stored = history.contains(sourceId, canonicalUrl);
        if (stored) {
            known.asMap().putIfAbsent(key, UNKNOWN);
        }
        return stored;
    }

    /** Records a pair that is in the history with last-seen time {@code lastSeen} (just stored, or just refreshed). */
    public void remember(String sourceId, String canonicalUrl, Instant lastSeen) {
        known.asMap().merge(new Seen(sourceId, canonicalUrl), lastSeen, (had, now) -> had.isAfter(now) ? had : now);
    }

    /**
     * The links of {@code canonicalUrls} whose last-seen time, as far as this cache knows, is before {@code cutoff}:
     * not in the cache, found in the database without a time, or remembered with an earlier one. In the given order.
     */
    public List<String> seenBefore(String sourceId, Collection<String> canonicalUrls, Instant cutoff) {
        List<String> due = new ArrayList<>();
        for (String url : canonicalUrls) {
            Instant lastSeen = known.getIfPresent(new Seen(sourceId, url));
            if (lastSeen == null || lastSeen.isBefore(cutoff)) {
                due.add(url);
            }
        }
        return due;
    }

    /** Entries held now (approximate until {@link #cleanUp()}); for metrics and tests. */
    public long estimatedSize() {
        return known.estimatedSize();
    }

    /** Runs pending evictions now instead of during later calls. */
    public void cleanUp() {
        known.cleanUp();
    }

    private record Seen(String sourceId, String canonicalUrl) {}
}
