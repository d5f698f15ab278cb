package app.khobor.delivery;

/**
 * At most {@code limit} sends in any {@code window}, counting every send as occupying the whole interval from the
 * moment it was allowed until it completed. Telegram counts arrivals, which happen somewhere in that interval, so if
 * fewer than {@code limit} sends are in flight or completed within the last window when a new one starts, no
 * window of arrivals can hold more than {@code limit}. Not thread-safe: {@link RateLimiter} guards it.
 */
final class SlidingWindow {
    private final long windowNanos;
    private int limit;
    private int inFlight;
    private long[] ends;
    private int count;

    SlidingWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.ends = new long[Math.min(limit, 4)];
    }

    void setLimit(int limit) {
        this.limit = limit;
    }

    /** Nanos until a send may start, 0 when it may start now, -1 when only a completion in flight can free a slot. */
    long waitNanos(long now) {
        expire(now);
        if (inFlight + count < limit) {
            return 0;
        }
        int needed = inFlight + count - limit + 1;
        if (needed > count) {
            return -1;
        }
        return nthSmallest(needed) + windowNanos - now;
    }

    void start() {
        inFlight++;
    }

    void cancel() {
        inFlight--;
    }

    void complete(long end) {
        inFlight--;
        if (count == ends.length) {
            ends = java.util.Arrays.copyOf(ends, Math.max(4, count * 2));
        }
        ends[count++] = end;
    }

    /** True when nothing in it can affect a future send, so the owner may forget it. */
    boolean idle(long now) {
        expire(now);
        return inFlight == 0 && count == 0;
    }

    private void expire(long now) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (ends[i] + windowNanos > now) {
                ends[kept++] = ends[i];
            }
        }
        count = kept;
    }

    /** The n-th smallest end (1-based); windows are small (limit is at most 1000), so sorting a copy is cheap. */
    private long nthSmallest(int n) {
        long[] copy = java.util.Arrays.copyOf(ends, count);
        java.util.Arrays.sort(copy);
        return copy[n - 1];
    }
}
