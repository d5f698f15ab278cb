package app.khobor.infra;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before reading a source again. Failing sources are retried after an exponentially growing, capped
 * delay; every delay is jittered so that sources started together (or failing together, when the network drops) do not
 * keep hitting the portals and our threads in lock-step. Pure: the random source is injected.
 */
public final class Backoff {
    private static final double FAILURE_JITTER = 0.20;
    private static final double INTERVAL_JITTER = 0.10;

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    /**
     * @param base delay after the first failure, normally the polling interval
     * @param max  no delay is longer than this
     */
    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = positive(base, "backoff base");
        this.max = positive(max, "maximum backoff");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Delay before the next attempt after {@code consecutiveFailures} failures in a row: base, 2 x base, 4 x base, ... up
     * to the cap, each +-20%. Jitter that would pass the cap is folded back below it, so sources at the cap still spread.
     */
    public Duration delayAfter(int consecutiveFailures) {
        int doublings = Math.max(0, consecutiveFailures - 1);
        double raw = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, Math.min(doublings, 62)));
        double jittered = raw * (1 + jitter(FAILURE_JITTER));
        double folded = jittered > max.toMillis() ? 2.0 * max.toMillis() - jittered : jittered;
        return Duration.ofMillis(Math.round(folded));
    }

    /** The regular polling interval, +-10%. */
    public Duration nextInterval(Duration interval) {
        positive(interval, "polling interval");
        return Duration.ofMillis(Math.round(interval.toMillis() * (1 + jitter(INTERVAL_JITTER))));
    }

    /** Uniform in [-spread, +spread). */
    private double jitter(double spread) {
        return (random.nextDouble() * 2 - 1) * spread;
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
