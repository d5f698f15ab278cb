package app.khobor.delivery;

import java.util.concurrent.atomic.LongAdder;

/** Delivery counters since start, for /stats and metrics. */
public final class DeliveryStats {
    /** A consistent-enough copy of the counters. */
    public record Snapshot(long sent, long digests, long replies, long retried, long tooManyRequests, long gone,
                           long droppedForGone, long stale, long migrated, long plainFallback, long rejected,
                           long unwanted) {}

    final LongAdder sent = new LongAdder();
    final LongAdder digests = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder tooManyRequests = new LongAdder();
    final LongAdder gone = new LongAdder();
    final LongAdder droppedForGone = new LongAdder();
    final LongAdder stale = new LongAdder();
    final LongAdder migrated = new LongAdder();
    final LongAdder plainFallback = new LongAdder();
    final LongAdder rejected = new LongAdder();
    /** Queued pushes dropped because the chat no longer wanted them when their turn came (/stop, filters). */
    final LongAdder unwanted = new LongAdder();

    public Snapshot snapshot() {
        return new Snapshot(sent.sum(), digests.sum(), replies.sum(), retried.sum(), tooManyRequests.sum(), gone.sum(),
                droppedForGone.sum(), stale.sum(), migrated.sum(), plainFallback.sum(), rejected.sum(),
                unwanted.sum());
    }
}
