package app.khobor.ops;

import app.khobor.source.ReadObserver;
import app.khobor.source.ReadOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the operator's views need from the polling beyond the scheduler's own health: when the poller last finished
 * a read (is it alive?) and since when each source has failed without a success in between (how long is it dead?).
 */
final class SourceActivity implements ReadObserver {
    private static final long NEVER = Long.MIN_VALUE;

    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private volatile long lastReadNanos = NEVER;
    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    /** @param nanoTime the monotonic clock the poller's liveness is measured on ({@code System::nanoTime}) */
    SourceActivity(Clock clock, LongSupplier nanoTime) {
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
    }

    @Override
    public void read(String sourceId, ReadOutcome outcome, Duration took) {
        lastReadNanos = nanoTime.getAsLong();
        if (outcome instanceof ReadOutcome.Failed) {
            failingSince.putIfAbsent(sourceId, clock.instant());
        } else {
            failingSince.remove(sourceId);
        }
    }

    /** Since the poller last finished a read, or since start when it has not read anything yet. */
    Duration sinceLastRead() {
        long last = lastReadNanos;
        return Duration.ofNanos(nanoTime.getAsLong() - (last == NEVER ? startedNanos : last));
    }

    /** The first failure after the source's last success; empty while it is not failing. */
    Optional<Instant> failingSince(String sourceId) {
        return Optional.ofNullable(failingSince.get(sourceId));
    }
}
