package app.khobor.delivery;

import app.khobor.chat.ChatKind;
import java.time.Instant;
import java.util.List;

/**
 * What the dispatcher keeps in memory about one chat with pending pushes: ids and timing only, never text, so a
 * 100k-chat broadcast fits a small heap. Guarded by the dispatcher's lock, except {@code touched}.
 */
final class ChatQueue {
    /** A digest of several messages being sent one part per visit (each part takes its own rate-limit permit). */
    record DigestInProgress(List<Long> rowIds, List<Long> headlineIds, int nextPart) {}

    final long chatId;
    final ChatKind kind;
    Instant notBefore;
    boolean busy;
    int attempts;
    boolean plainNext;
    DigestInProgress digest;
    /** Set when the outbox scan saw this chat again: its "nothing more" answer may be out of date. */
    volatile boolean touched;

    ChatQueue(long chatId, ChatKind kind, Instant notBefore) {
        this.chatId = chatId;
        this.kind = kind;
        this.notBefore = notBefore;
    }
}
