package app.khobor.delivery;

import java.time.Instant;
import java.util.List;

/**
 * What the dispatcher keeps in memory about one chat with pending pushes: ids and timing only, never text, so a
 * 100k-chat broadcast fits a small heap. {@code notBefore}, {@code busy} and {@code touched} are guarded by the
 * {@link Schedule}'s lock; the rest belongs to the sender thread that holds the chat while {@code busy}.
 */
final class ChatQueue {
    /** A digest of several messages being sent one part per visit (each part takes its own rate-limit permit). */
    record DigestInProgress(List<Long> rowIds, List<Long> headlineIds, int nextPart) {}

    final long chatId;
    final boolean group;
    Instant notBefore;
    boolean busy;
    /** Set when the outbox scan saw this chat again: its "nothing more" answer may be out of date. */
    boolean touched;
    int attempts;
    boolean plainNext;
    DigestInProgress digest;

    ChatQueue(long chatId, boolean group, Instant notBefore) {
        this.chatId = chatId;
        this.group = group;
        this.notBefore = notBefore;
    }
}
