package app.khobor.delivery;

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

/** A clock that moves only when told; its sleepers wake when it moves past their deadline. */
final class FakeClock extends Clock {
    private final AtomicReference<Instant> now;
    private final List<FakeSleeper> sleepers = new CopyOnWriteArrayList<>();

    FakeClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
        sleepers.forEach(FakeSleeper::clockMoved);
    }

    FakeSleeper sleeper() {
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
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    final class FakeSleeper implements Sleeper {
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
        boolean quiet() {
            lock.lock();
            try {
                return parked && !signalled && instant().isBefore(deadline);
            } finally {
                lock.unlock();
            }
        }
    }
}
