package app.khobor.config;

import java.net.URI;
import java.time.Duration;

/**
 * One news source as configured. Selectors are only used for {@link SourceType#HTML} sources.
 *
 * @param itemSelector  CSS selector of one headline block (html only, required there)
 * @param titleSelector inside the item; null means the item's own text
 * @param linkSelector  inside the item; null means the first a[href], or the item itself when it is an a
 * @param timeSelector  optional, inside the item
 * @param interval      this source's polling interval; null means the global one
 */
public record SourceConfig(
        String id,
        String name,
        SourceType type,
        URI url,
        String itemSelector,
        String titleSelector,
        String linkSelector,
        String timeSelector,
        Duration interval,
        boolean enabled) {

    /** A feed source with defaults, handy in tests. */
    public static SourceConfig feed(String id, String name, URI url) {
        return new SourceConfig(id, name, SourceType.FEED, url, null, null, null, null, null, true);
    }

    /** This source's own interval when it has one, else the global polling interval. */
    public Duration intervalOr(Duration defaultInterval) {
        return interval == null ? defaultInterval : interval;
    }

    public String host() {
        return url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
    }
}
