package app.khobor.delivery;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Pages chats with pending rows from the outbox into memory, by ascending chat id, as room frees up. A pass that
 * began before the latest {@link #markDirty()} does not count: another pass from the start follows, so chats below
 * the cursor that got new rows are not missed. Used by the scheduler thread only (markDirty from any thread).
 */
final class OutboxScanner {
    static final int PAGE = 512;

    private final Outbox outbox;
    private final AtomicLong dirty = new AtomicLong(1);
    private long cleanVersion;
    private boolean scanning;
    private long passVersion;
    private long cursor;

    OutboxScanner(Outbox outbox) {
        this.outbox = outbox;
    }

    void markDirty() {
        dirty.incrementAndGet();
    }

    /** Loads pages while {@code room} allows a whole page. */
    void refill(Instant now, IntSupplier room, Consumer<List<PendingChat>> add) {
        while (room.getAsInt() >= PAGE) {
            if (!scanning) {
                long version = dirty.get();
                if (version == cleanVersion) {
                    return;
                }
                scanning = true;
                passVersion = version;
                cursor = Long.MIN_VALUE;
            }
            List<PendingChat> page = outbox.pendingChats(cursor, now, PAGE);
            add.accept(page);
            if (page.size() < PAGE) {
                scanning = false;
                cleanVersion = passVersion;
            } else {
                cursor = page.get(page.size() - 1).chatId();
            }
        }
    }
}
