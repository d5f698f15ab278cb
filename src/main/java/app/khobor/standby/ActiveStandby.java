package app.khobor.standby;

import app.khobor.infra.DaemonThreads;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process active while it holds the lease and standing by while another does. A standby asks for the
 * lease every {@code beat}; the active one renews it every {@code beat}. The active one steps down at once when a
 * renewal is refused or fails, and also when its last successful renewal is older than the term less two beats: a
 * renewal stuck in a dead network must not leave it sending after a standby may already have taken over.
 */
public final class ActiveStandby implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ActiveStandby.class);

    /** What this process does when it becomes active or stops being active. Called on the lease thread. */
    public interface Role {
        void becameActive(long epoch);

        void becameStandby();
    }

    private final Lease lease;
    private final Duration term;
    private final Duration beat;
    private final Role role;
    private final LongSupplier nanoTime;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long epoch = -1;
    private volatile long renewedAtNanos;

    public ActiveStandby(Lease lease, Duration term, Duration beat, Role role) {
        this(lease, term, beat, role, System::nanoTime);
    }

    ActiveStandby(Lease lease, Duration term, Duration beat, Role role, LongSupplier nanoTime) {
        if (beat.multipliedBy(3).compareTo(term) > 0) {
            throw new IllegalArgumentException("the lease term (" + term + ") must be at least three beats (" + beat + ")");
        }
        this.lease = lease;
        this.term = term;
        this.beat = beat;
        this.role = role;
        this.nanoTime = nanoTime;
        this.thread = DaemonThreads.create("lease", this::run);
    }

    public void start() {
        thread.start();
    }

    /**
     * Whether this process may act now: it holds the lease and renewed it recently enough that no standby can have
     * taken it. Senders ask this before each send; the database's epoch check stays the final word.
     */
    public boolean isActive() {
        return epoch >= 0 && nanoTime.getAsLong() - renewedAtNanos < safeNanos();
    }

    /** The epoch this process holds the lease at, or -1 when standing by. */
    public long epoch() {
        return epoch;
    }

    /** One round: take, renew or step down. Package-private so tests drive it without the thread. */
    void beatOnce() {
        if (epoch < 0) {
            long asked = nanoTime.getAsLong();
            OptionalLong taken = lease.acquire();
            if (taken.isPresent()) {
                renewedAtNanos = asked;
                epoch = taken.getAsLong();
                log.info("active now (lease epoch {})", epoch);
                role.becameActive(epoch);
            }
            return;
        }
        long asked = nanoTime.getAsLong();
        if (lease.renew(epoch) && nanoTime.getAsLong() - asked < safeNanos()) {
            renewedAtNanos = asked;
        } else {
            stepDown("the lease was lost or could not be renewed in time");
        }
    }

    private void stepDown(String why) {
        long was = epoch;
        epoch = -1;
        log.warn("standing by: {} (epoch {})", why, was);
        role.becameStandby();
    }

    private long safeNanos() {
        return term.minus(beat.multipliedBy(2)).toNanos();
    }

    private void run() {
        while (running) {
            try {
                beatOnce();
                if (epoch >= 0 && !isActive()) {
                    stepDown("the last renewal is too old");
                }
                Thread.sleep(beat.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("lease round failed; trying again in {}", beat, e);
            }
        }
    }

    /** Stops competing; an active process steps down and releases the lease so a standby takes over at once. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(beat.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long held = epoch;
        if (held >= 0) {
            stepDown("stopping");
            lease.release(held);
        }
        lease.close();
    }
}
