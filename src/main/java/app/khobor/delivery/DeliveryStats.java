package app.khobor.delivery;

import java.util.concurrent.atomic.LongAdder;

/** Delivery counters since start, for /stats and metrics. Each event has its method; the counters stay private. */
public final class DeliveryStats {
    /** A consistent-enough copy of the counters. */
    public record Snapshot(long sent, long digests, long replies, long retried, long tooManyRequests, long gone,
                           long droppedForGone, long stale, long migrated, long plainFallback, long rejected,
                           long unwanted) {}

    private final LongAdder sent = new LongAdder();
    private final LongAdder digests = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder gone = new LongAdder();
    private final LongAdder droppedForGone = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder migrated = new LongAdder();
    private final LongAdder plainFallback = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder unwanted = new LongAdder();

    /** Headlines the reader now has in full. */
    void sent(int headlines) {
        sent.add(headlines);
    }

    void digestSent() {
        digests.increment();
    }

    void replied() {
        replies.increment();
    }

    void retried() {
        retried.increment();
    }

    void tooManyRequests() {
        tooManyRequests.increment();
    }

    /** A chat blocked the bot or went away; its pending rows were dropped. */
    void chatGone(int droppedRows) {
        gone.increment();
        droppedForGone.add(droppedRows);
    }

    void stale(int rows) {
        stale.add(rows);
    }

    void migrated() {
        migrated.increment();
    }

    void plainFallback() {
        plainFallback.increment();
    }

    void rejected() {
        rejected.increment();
    }

    /** Queued pushes dropped because the chat no longer wanted them when their turn came (/stop, filters). */
    void unwanted(int rows) {
        unwanted.add(rows);
    }

    public Snapshot snapshot() {
        return new Snapshot(sent.sum(), digests.sum(), replies.sum(), retried.sum(), tooManyRequests.sum(), gone.sum(),
                droppedForGone.sum(), stale.sum(), migrated.sum(), plainFallback.sum(), rejected.sum(),
                unwanted.sum());
    }
}
