package app.khobor.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long to wait before reading a source again, from when its headlines appeared: often while it publishes, rarely
 * while it sleeps. The expected rate is the higher of the last hour's and the same time of day's on the previous days
 * (up to a week), so a source speeds up just before its busy hours and right after a burst. At {@link #BUSY_PER_HOUR}
 * headlines an hour or more it is read every {@code min}; the interval grows with the square of how much quieter it
 * is (half the rate: four times as long; a third: nine times), up to {@code max}. Steeper than in proportion because
 * that spends the reads where most headlines are: on the simulated day in {@code bench/RESULTS.md} it halves the
 * median delay of a fixed two-minute interval with slightly fewer reads (the exponent and rate were picked there: a
 * steeper 2.5 saves more reads but its median strays above 30 s on some seeds).
 * Pure: time comes in as arguments.
 */
public final class PollingPace {
    /** The rate at which a source is read every {@code min}. */
    static final double BUSY_PER_HOUR = 27;
    /** How steeply the interval grows as the rate falls. */
    static final double EXPONENT = 2;
    /** How far back the history goes. */
    public static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration RECENT = Duration.ofHours(1);
    /** The slice of each earlier day that predicts the next minutes: from a quarter hour before now to half an hour after. */
    private static final Duration SLICE_BEFORE = Duration.ofMinutes(15);
    private static final Duration SLICE_AFTER = Duration.ofMinutes(30);

    private final Duration fallback;
    private final Duration min;
    private final Duration max;

    /**
     * @param fallback the interval of a source with no history yet
     * @param min      the shortest interval, for a source at or above {@link #BUSY_PER_HOUR}
     * @param max      the longest interval, for a source that publishes nothing at this time
     */
    public PollingPace(Duration fallback, Duration min, Duration max) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("minimum interval " + min + " is longer than maximum " + max);
        }
        this.fallback = fallback;
        this.min = min;
        this.max = max;
    }

    /** @param published the source's publication times since {@code now - LOOK_BACK}, any order */
    public Duration interval(List<Instant> published, Instant now) {
        if (published.isEmpty()) {
            return fallback;
        }
        double rate = Math.max(recentRate(published, now), usualRate(published, now));
        if (rate <= 0) {
            return max;
        }
        double millis = min.toMillis() * Math.pow(BUSY_PER_HOUR / rate, EXPONENT);
        return millis >= max.toMillis() ? max : Duration.ofMillis(Math.max(min.toMillis(), Math.round(millis)));
    }

    /** Headlines an hour over the last hour. */
    static double recentRate(List<Instant> published, Instant now) {
        return count(published, now.minus(RECENT), now, true) / hours(RECENT);
    }

    /** Headlines an hour at this time of day on the earlier days the history covers (0 when it covers none). */
    static double usualRate(List<Instant> published, Instant now) {
        Instant oldest = published.stream().min(Instant::compareTo).orElse(now);
        long days = Math.min(LOOK_BACK.toDays(), Duration.between(oldest, now).plus(SLICE_AFTER).toDays());
        if (days <= 0) {
            return 0;
        }
        long count = 0;
        for (long d = 1; d <= days; d++) {
            Instant then = now.minus(DAY.multipliedBy(d));
            count += count(published, then.minus(SLICE_BEFORE), then.plus(SLICE_AFTER), false);
        }
        return count / (days * hours(SLICE_BEFORE.plus(SLICE_AFTER)));
    }

    private static long count(List<Instant> published, Instant from, Instant to, boolean toIncluded) {
        return published.stream()
                .filter(t -> !t.isBefore(from) && (t.isBefore(to) || (toIncluded && t.equals(to))))
                .count();
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }
}
