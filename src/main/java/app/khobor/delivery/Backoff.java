package app.khobor.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with "equal jitter": half the delay fixed, half random, capped. */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** Delay before retry number {@code attempt} (1 for the first retry). */
    Duration delay(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        long full = Math.min(cap.toMillis(), base.toMillis() * factor);
        return Duration.ofMillis(full / 2 + (long) (random.getAsDouble() * (full / 2)));
    }
}
