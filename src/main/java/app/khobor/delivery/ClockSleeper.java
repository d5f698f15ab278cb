package app.khobor.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Sleeps in real time measured by the clock (a real clock in production). */
final class ClockSleeper implements Sleeper {
    private static final long MAX_NAP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean signalled;

    ClockSleeper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void sleepUntil(Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            while (!signalled) {
                long nanos = Math.min(MAX_NAP_NANOS, nanosUntil(deadline));
                if (nanos <= 0) {
                    break;
                }
                woken.awaitNanos(nanos);
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    private long nanosUntil(Instant deadline) {
        Duration d = Duration.between(clock.instant(), deadline);
        return d.getSeconds() > 3600 ? MAX_NAP_NANOS : d.toNanos();
    }

    @Override
    public void wakeUp() {
        lock.lock();
        try {
            signalled = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }
}
