package app.khobor.delivery;

/** Outbox rows by status, for /stats and metrics. */
public record OutboxCounts(long pending, long delivered, long stale, long dropped, long failed) {}
