package app.khobor.config;

import java.time.Duration;

/**
 * @param interval            time between two reads of a source before its own publication history says better (a new
 *                            source), and of every source when {@code minInterval} and {@code maxInterval} are equal
 * @param maxBackoff          cap of the exponential backoff after failures
 * @param timeout             connect and read timeout of one request
 * @param maxBodyBytes        responses larger than this are refused
 * @param userAgent           identifies Khobor to the portals
 * @param minInterval         the shortest interval the publication history may pick (a busy hour)
 * @param maxInterval         the longest interval the publication history may pick (a quiet night)
 * @param maxPerHostPerMinute reads of one host (all its sources together) scheduled in any minute, at most
 */
public record PollingSettings(Duration interval, Duration maxBackoff, Duration timeout, long maxBodyBytes, String userAgent,
                              Duration minInterval, Duration maxInterval, int maxPerHostPerMinute) {
    public static final String DEFAULT_USER_AGENT = "KhoborBot/0.1 (+https://github.com/khobor/khobor; Bengali news alerts)";
    public static final long DEFAULT_MAX_BODY = 5L * 1024 * 1024;
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_PER_HOST_PER_MINUTE = 2;
    /** No cap on reads per host beyond one at a time: for tests and tools that step the poller. */
    public static final int NO_HOST_CAP = Integer.MAX_VALUE;
    public static final PollingSettings DEFAULTS = new PollingSettings(
            Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofSeconds(20), DEFAULT_MAX_BODY, DEFAULT_USER_AGENT,
            DEFAULT_MIN_INTERVAL, DEFAULT_MAX_INTERVAL, DEFAULT_MAX_PER_HOST_PER_MINUTE);

    /**
     * A fixed {@code interval} for every source (no pacing by publication history) and no per-host cap beyond one
     * read at a time: what tests that step the poller and tools use.
     */
    public PollingSettings(Duration interval, Duration maxBackoff, Duration timeout, long maxBodyBytes, String userAgent) {
        this(interval, maxBackoff, timeout, maxBodyBytes, userAgent, interval, interval, NO_HOST_CAP);
    }

    /** True when the publication history may move a source's interval between the two bounds. */
    public boolean adaptive() {
        return minInterval != null && maxInterval != null && minInterval.compareTo(maxInterval) < 0;
    }

    /** The shortest gap between two scheduled reads of one host. */
    public Duration hostSpacing() {
        return maxPerHostPerMinute >= 60_000 ? Duration.ZERO : Duration.ofMillis(60_000 / maxPerHostPerMinute);
    }
}
