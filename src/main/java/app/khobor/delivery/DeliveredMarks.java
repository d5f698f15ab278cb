package app.khobor.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of "delivered" marks. Each sender waits until its ids are committed, so a crash can only repeat a
 * message that was in flight; but senders arriving while a write runs share the next transaction, so the outbox is
 * not the bottleneck at hundreds of messages per second.
 */
final class DeliveredMarks {
    private static final Logger log = LoggerFactory.getLogger(DeliveredMarks.class);

    private final Outbox outbox;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committedChanged = lock.newCondition();
    private List<Long> waiting = new ArrayList<>();
    /** The message each waiting single push went out as (row id to message id), for later edits. */
    private Map<Long, Long> messageIds = new HashMap<>();
    private long nextBatch = 1;
    private long committed;
    private boolean writing;

    DeliveredMarks(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns once {@code ids} are committed as delivered (or the write failed and was logged). */
    void markDelivered(Collection<Long> ids) {
        markDelivered(ids, 0);
    }

    /** The same, remembering that the rows went out as message {@code messageId} (0: none worth editing). */
    void markDelivered(Collection<Long> ids, long messageId) {
        lock.lock();
        try {
            waiting.addAll(ids);
            if (messageId != 0) {
                ids.forEach(id -> messageIds.put(id, messageId));
            }
            long mine = nextBatch;
            while (committed < mine) {
                if (writing) {
                    committedChanged.awaitUninterruptibly();
                } else {
                    writeNextBatch();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock; writes without it so that others can queue up for the following batch. */
    private void writeNextBatch() {
        List<Long> batch = waiting;
        Map<Long, Long> messages = messageIds;
        waiting = new ArrayList<>();
        messageIds = new HashMap<>();
        long number = nextBatch++;
        writing = true;
        lock.unlock();
        try {
            outbox.markDelivered(batch, messages, clock.instant());
        } catch (RuntimeException e) {
            // The rows stay pending and will be sent again: a duplicate, never a loss.
            log.error("could not mark {} outbox rows delivered: {}", batch.size(), e.getMessage(), e);
        } finally {
            lock.lock();
            writing = false;
            committed = number;
            committedChanged.signalAll();
        }
    }
}
