package app.khobor.delivery;

/** One send allowed by the {@link RateLimiter}; it occupies its windows until {@link #done()}. */
public interface Permit {
    /** The request completed (whatever Telegram answered): its windows count it until now plus the window. */
    void done();

    /** Nothing was sent after all: frees the slot. */
    void cancel();
}
