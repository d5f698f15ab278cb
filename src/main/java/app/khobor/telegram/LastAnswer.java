package app.khobor.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * When the Bot API last answered a request with HTTP 200, for the health check ("Telegram answered within the last
 * five minutes"). Long polling asks at least every 50 s, so a live bot always has a recent answer. Measured on the
 * monotonic clock: a wall-clock jump neither hides nor fakes an outage. Errors (a proxy's 502, 401 for a revoked
 * token, 409 for a second instance) do not count.
 */
public final class LastAnswer implements Interceptor {
    private static final long NEVER = Long.MIN_VALUE;
    private volatile long atNanos = NEVER;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 200) {
            atNanos = System.nanoTime();
        }
        return response;
    }

    /** Time since the last answer; empty when there was none yet. */
    public Optional<Duration> since() {
        long at = atNanos;
        return at == NEVER ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - at));
    }

    /** The more recent of two. */
    public static Optional<Duration> latest(LastAnswer a, LastAnswer b) {
        Optional<Duration> x = a.since();
        Optional<Duration> y = b.since();
        if (x.isEmpty()) {
            return y;
        }
        return y.isEmpty() || x.get().compareTo(y.get()) <= 0 ? x : y;
    }
}
