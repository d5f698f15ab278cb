package app.khobor.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The update queue behind the fake getUpdates: real long polling. A poll waits until an update exists, its hold
 * ends, or a newer poll supersedes it (409, as when two bot instances run). An offset confirms earlier updates.
 */
final class FakeUpdates {
    private final Object lock = new Object();
    private final List<ObjectNode> pending = new ArrayList<>();
    private long nextUpdateId = 1;
    private long pollGeneration;
    private boolean closed;

    long add(LongFunction<ObjectNode> build) {
        synchronized (lock) {
            long id = nextUpdateId++;
            pending.add(build.apply(id));
            lock.notifyAll();
            return id;
        }
    }

    List<ObjectNode> poll(long offset, int limit, long holdMillis) throws FakeApiError, InterruptedException {
        synchronized (lock) {
            long generation = ++pollGeneration;
            lock.notifyAll();
            confirm(offset);
            long deadline = System.nanoTime() + holdMillis * 1_000_000;
            while (true) {
                if (generation != pollGeneration) {
                    throw FakeApiError.of(409, "Conflict: terminated by other getUpdates request; "
                            + "make sure that only one bot instance is running");
                }
                List<ObjectNode> batch = available(limit);
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (closed || !batch.isEmpty() || remaining <= 0) {
                    return batch;
                }
                lock.wait(remaining);
            }
        }
    }

    /** Updates not yet confirmed by an offset. */
    int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    void clear() {
        synchronized (lock) {
            pending.clear();
        }
    }

    /** Releases every held poll with an empty answer. */
    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private void confirm(long offset) {
        if (offset > 0) {
            pending.removeIf(update -> update.get("update_id").asLong() < offset);
        }
    }

    private List<ObjectNode> available(int limit) {
        return new ArrayList<>(pending.subList(0, Math.min(limit, pending.size())));
    }
}
