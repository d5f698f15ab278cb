package app.khobor.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queries behind "আরও" buttons. A query (up to 200 characters) does not fit in 64 bytes of callback data, so the
 * button carries a number and the page's start, and the query waits here for a day. Kept in memory only: after a
 * restart an old button answers that the search must be made again.
 */
final class SearchPages {
    static final String PREFIX = "more:";
    private static final Pattern DATA = Pattern.compile("more:(\\d{1,12}):(\\d{1,6})");
    /** A nearby word's button under "nothing found": the search to run instead, waiting here as the pages do. */
    static final String NEAR_PREFIX = "near:";
    private static final Pattern NEAR = Pattern.compile("near:(\\d{1,12})");

    record More(long searchId, int offset) {}

    private final AtomicLong ids = new AtomicLong();
    private final Cache<Long, String> queries = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofDays(1)).build();

    long remember(String query) {
        long id = ids.incrementAndGet();
        queries.put(id, query);
        return id;
    }

    /** Null when forgotten (expired, or the bot restarted). */
    String query(long searchId) {
        return queries.getIfPresent(searchId);
    }

    static String data(long searchId, int offset) {
        return PREFIX + searchId + ":" + offset;
    }

    static String nearData(long searchId) {
        return NEAR_PREFIX + searchId;
    }

    /** The search id of well-formed "near:" data, else null. */
    static Long parseNear(String data) {
        Matcher m = NEAR.matcher(data);
        return m.matches() ? Long.parseLong(m.group(1)) : null;
    }

    /** Null for anything but well-formed "more:" data. */
    static More parse(String data) {
        Matcher m = DATA.matcher(data);
        return m.matches() ? new More(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }
}
