package app.khobor.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The times reads of each host are scheduled at, kept at least {@code spacing} apart whichever of its sources they
 * belong to: with a spacing of 30 s no host gets more than two scheduled reads in any minute. A read asks for a time
 * and gets the earliest free one at or after it.
 */
final class HostSlots {
    private static final Duration KEPT = Duration.ofMinutes(15);

    private final Duration spacing;
    private final Map<String, NavigableSet<Instant>> slots = new ConcurrentHashMap<>();

    HostSlots(Duration spacing) {
        this.spacing = spacing;
    }

    /** Books the earliest time at or after {@code wanted} that is {@code spacing} away from every booked one. */
    Instant reserve(String host, Instant wanted, Instant now) {
        if (spacing.isZero()) {
            return wanted;
        }
        NavigableSet<Instant> booked = slots.computeIfAbsent(host, h -> new TreeSet<>());
        synchronized (booked) {
            booked.headSet(now.minus(KEPT)).clear();
            Instant t = wanted;
            while (true) {
                Instant before = booked.floor(t);
                if (before != null && before.plus(spacing).isAfter(t)) {
                    t = before.plus(spacing);
                    continue;
                }
                Instant after = booked.ceiling(t);
                if (after != null && t.plus(spacing).isAfter(after)) {
                    t = after.plus(spacing);
                    continue;
                }
                booked.add(t);
                return t;
            }
        }
    }
}
