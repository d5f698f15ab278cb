package app.khobor.config;

import java.time.Duration;

/**
 * @param interval   default time between two reads of one source
 * @param maxBackoff cap of the exponential backoff after failures
 * @param timeout    connect and read timeout of one request
 * @param maxBodyBytes responses larger than this are refused
 * @param userAgent  identifies Khobor to the portals
 */
public record PollingSettings(Duration interval, Duration maxBackoff, Duration timeout, long maxBodyBytes, String userAgent) {
    public static final String DEFAULT_USER_AGENT = "KhoborBot/0.1 (+https://github.com/khobor/khobor; Bengali news alerts)";
    public static final long DEFAULT_MAX_BODY = 5L * 1024 * 1024;
    public static final PollingSettings DEFAULTS = new PollingSettings(
            Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofSeconds(20), DEFAULT_MAX_BODY, DEFAULT_USER_AGENT);
}
