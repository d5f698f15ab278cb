package app.khobor.news;

import app.khobor.config.StorageSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Which (source, canonical URL) pairs are already in the history, answered from memory for the links a source shows
 * again and again, so the common poll ("nothing new") does not touch the database.
 *
 * <p>Bounded by size and by time since last access; what leaves the cache is still known, because a miss asks the
 * store. Only known pairs are cached: an unknown pair is about to be stored, and a cached "no" would go stale.
 */
public final class SeenCache {
    private final HeadlineStore store;
    private final Cache<Seen, Boolean> known;

    private SeenCache(HeadlineStore store, Cache<Seen, Boolean> known) {
        this.store = store;
        this.known = known;
    }

    public static SeenCache create(HeadlineStore store, StorageSettings settings) {
        return create(store, settings, Ticker.systemTicker());
    }

    /** With the clock of expiry injected, for tests. */
    public static SeenCache create(HeadlineStore store, StorageSettings settings, Ticker ticker) {
        if (settings.seenCacheSize() < 0) {
            throw new IllegalArgumentException("storage.seenCacheSize must not be negative, was " + settings.seenCacheSize());
        }
        Cache<Seen, Boolean> cache = Caffeine.newBuilder()
                .maximumSize(settings.seenCacheSize())
                .expireAfterAccess(settings.seenCacheExpiry())
                .ticker(ticker)
                .build();
        return new SeenCache(store, cache);
    }

    /** True when the pair is in the history; a pair found only in the database is kept in memory from then on. */
    public boolean isKnown(String sourceId, String canonicalUrl) {
        Seen key = new Seen(sourceId, canonicalUrl);
        if (known.getIfPresent(key) != null) {
            return true;
        }
        boolean stored = store.contains(sourceId, canonicalUrl);
        if (stored) {
            known.put(key, Boolean.TRUE);
        }
        return stored;
    }

    /** Records a pair just stored in the history. */
    public void remember(String sourceId, String canonicalUrl) {
        known.put(new Seen(sourceId, canonicalUrl), Boolean.TRUE);
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
