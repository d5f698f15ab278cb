package app.khobor.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Wall time at start plus {@link System#nanoTime()} since: rate windows must not jump when NTP adjusts the system
 * clock. Use it for the delivery classes in production.
 */
public final class MonotonicClock extends Clock {
    private final Instant base;
    private final long baseNanos;

    private MonotonicClock(Instant base, long baseNanos) {
        this.base = base;
        this.baseNanos = baseNanos;
    }

    public static MonotonicClock system() {
        return new MonotonicClock(Instant.now(), System.nanoTime());
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - baseNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
