package app.khobor.delivery;

import java.time.Instant;

/** A reply in the queue with its retry state. Guarded by the dispatcher's lock while queued. */
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

    /** Telegram chat ids of groups, supergroups and channels are negative; replies know only the id. */
    boolean toGroup() {
        return task.chatId() < 0;
    }
}
