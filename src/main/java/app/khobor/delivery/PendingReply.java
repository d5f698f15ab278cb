package app.khobor.delivery;

import java.time.Instant;

/**
 * A reply in the queue with its retry state. Guarded by the {@link Schedule}'s lock while queued; owned by the sender
 * thread while it is being sent.
 */
final class PendingReply {
    ReplyTask task;
    Instant notBefore;
    int attempts;
    boolean plain;

    PendingReply(ReplyTask task, Instant notBefore) {
        this.task = task;
        this.notBefore = notBefore;
    }

    long chatId() {
        return task.chatId();
    }

    boolean group() {
        return task.group();
    }
}
