package app.khobor.source;

/**
 * Thrown by a {@link ReadHandler} that could not keep a successful read for a reason of its own (its storage: a full
 * disk, a lock held by another process), not the portal's. The poller keeps the source's schedule, does not count it
 * against the source, and sends the old validators next time, so the next read fetches the headlines again.
 * A {@linkplain #fatal() fatal} one (a damaged database) stops polling altogether: reading on would store nothing.
 */
public final class ReadNotKept extends RuntimeException {
    private final boolean fatal;

    public ReadNotKept(String message, boolean fatal, Throwable cause) {
        super(message, cause);
        this.fatal = fatal;
    }

    public boolean fatal() {
        return fatal;
    }
}
