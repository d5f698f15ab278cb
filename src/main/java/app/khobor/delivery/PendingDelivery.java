package app.khobor.delivery;

import java.time.Instant;

/** One pending outbox row: who gets which headline, since when. */
public record PendingDelivery(long id, long chatId, long headlineId, Instant enqueuedAt) {}
