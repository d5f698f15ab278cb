package app.khobor.delivery;

import java.time.Instant;

/**
 * One pending outbox row: who gets which headline, since when.
 *
 * @param headlineId     0 for an announcement row
 * @param announcementId 0 for a headline row; otherwise the admin's announcement (V8), sent as its own message
 */
public record PendingDelivery(long id, long chatId, long headlineId, Instant enqueuedAt, long announcementId) {
    public PendingDelivery(long id, long chatId, long headlineId, Instant enqueuedAt) {
        this(id, chatId, headlineId, enqueuedAt, 0);
    }

    boolean announcement() {
        return announcementId != 0;
    }
}
