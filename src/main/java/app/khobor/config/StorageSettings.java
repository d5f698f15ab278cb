package app.khobor.config;

import java.time.Duration;

/**
 * @param url             JDBC URL, checked where the database is opened ({@code Database.open}): jdbc:sqlite:FILE
 * @param retention       how long headlines are kept in the history
 * @param seenCacheSize   maximum entries of the in-memory seen-cache
 * @param seenCacheExpiry entries not touched for this long leave the cache (the database still knows them)
 */
public record StorageSettings(String url, Duration retention, long seenCacheSize, Duration seenCacheExpiry) {
    public static final String DEFAULT_URL = "jdbc:sqlite:data/khobor.db";
    public static final StorageSettings DEFAULTS =
            new StorageSettings(DEFAULT_URL, Duration.ofDays(30), 100_000, Duration.ofDays(7));
}
