package app.khobor.fakes;

import app.khobor.delivery.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one fake clock of the tests: it moves only when told, in UTC unless a zone view is asked for (views move with
 * it), and the {@link Sleeper}s it hands out wake when it moves past their deadline.
 */
public final class FakeClock extends Clock {
    private final AtomicReference<Instant> now;
    private final List<FakeSleeper> sleepers;
    private final ZoneId zone;

    public FakeClock(Instant start) {
        this(new AtomicReference<>(start), new CopyOnWriteArrayList<>(), ZoneOffset.UTC);
    }

    private FakeClock(AtomicReference<Instant> now, List<FakeSleeper> sleepers, ZoneId zone) {
        this.now = now;
        this.sleepers = sleepers;
        this.zone = zone;
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
        sleepers.forEach(FakeSleeper::clockMoved);
    }

    public FakeSleeper sleeper() {
        FakeSleeper s = new FakeSleeper();
        sleepers.add(s);
        return s;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new FakeClock(now, sleepers, other);
    }

    public final class FakeSleeper implements Sleeper {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean signalled;
        private boolean parked;
        private Instant deadline = Instant.MIN;

        @Override
        public void sleepUntil(Instant until) throws InterruptedException {
            lock.lock();
            try {
                deadline = until;
                parked = true;
                while (!signalled && instant().isBefore(until)) {
                    changed.await();
                }
                parked = false;
                signalled = false;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void wakeUp() {
            lock.lock();
            try {
                signalled = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void clockMoved() {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Asleep with nothing to wake it at the current time. */
        public boolean quiet() {
            lock.lock();
            try {
                return parked && !signalled && instant().isBefore(deadline);
            } finally {
                lock.unlock();
            }
        }
    }
}
