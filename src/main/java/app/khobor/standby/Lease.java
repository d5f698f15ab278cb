package app.khobor.standby;

import java.util.OptionalLong;

/**
 * The right to be the active process, for a limited time. Every call answers from the database's clock, so the
 * processes' clocks need not agree.
 */
public interface Lease extends AutoCloseable {
    /** Takes the lease when nobody holds it or its holder let it lapse: the new epoch, or empty when another holds it. */
    OptionalLong acquire();

    /** Extends the lease held at {@code epoch}; false when it lapsed or another took it (stop acting at once). */
    boolean renew(long epoch);

    /** Gives the lease up at once (a clean stop), so a standby need not wait for it to lapse. */
    void release(long epoch);

    @Override
    void close();
}
