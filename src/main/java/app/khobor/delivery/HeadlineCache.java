package app.khobor.delivery;

import app.khobor.news.StoredHeadline;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * Recently published headlines by id: a broadcast renders the same few headlines for every chat, so one database
 * read each instead of one per send. Bounded, so it never holds much.
 */
final class HeadlineCache {
    private final HeadlineLookup lookup;
    private final Cache<Long, StoredHeadline> cache = Caffeine.newBuilder().maximumSize(2_000).build();

    HeadlineCache(HeadlineLookup lookup) {
        this.lookup = lookup;
    }

    void put(StoredHeadline headline) {
        cache.put(headline.id(), headline);
    }

    Optional<StoredHeadline> get(long id) {
        StoredHeadline cached = cache.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredHeadline> loaded = lookup.byId(id);
        loaded.ifPresent(this::put);
        return loaded;
    }
}
