package app.khobor.source;

import java.time.Instant;

/**
 * Health of one source for /stats and metrics.
 *
 * @param lastSuccess null when never read
 * @param lastError   null when the last read succeeded; "blocked: ..." for challenge pages
 * @param blocked     the last failure was a challenge page (Cloudflare, Akamai)
 */
public record SourceStatus(
        String sourceId,
        String name,
        Instant lastSuccess,
        Instant lastFailure,
        String lastError,
        int consecutiveFailures,
        boolean blocked) {}
