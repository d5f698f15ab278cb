package app.khobor.delivery;

import java.time.Instant;

/**
 * A reply in the queue with its retry state. Guarded by the {@link Schedule}'s lock while queued; owned by the sender
 * thread while it is being sent.
 */
final class PendingReply {
    /** When the command came: the reply expires {@link ReplyQueue#MAX_AGE} later. */
    final Instant queuedAt;
    ReplyTask task;
    Instant notBefore;
    int attempts;
    boolean plain;
    /** Waiting after a failed request (not a 429): goes at once when Telegram answers again. */
    boolean backingOff;

    PendingReply(ReplyTask task, Instant notBefore, Instant queuedAt) {
        this.task = task;
        this.notBefore = notBefore;
        this.queuedAt = queuedAt;
    }

    long chatId() {
        return task.chatId();
    }

    boolean group() {
        return task.group();
    }
}
