package app.khobor.delivery;

import app.khobor.infra.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling state that the scheduler thread and the sender threads share. The chats and the reply queue are
 * guarded by {@link #lock}; the pause after repeated failures is updated under this object's monitor (the one monitor
 * the sender threads' failure reports share) and read by the scheduler through a volatile field, without it.
 */
final class DispatchState {
    // Logged under the dispatcher's name, as before this state moved out of it, so log filters keep working.
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int FAILURES_BEFORE_PAUSE = 3;

    final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    final ActiveChats active = new ActiveChats();
    /** Guarded by {@link #lock}. */
    final ArrayDeque<PendingReply> replies = new ArrayDeque<>();

    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Instant pausedUntil = Instant.MIN;
    private int pauseLevel;

    void withLock(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    /** Until when all sends wait because Telegram looks down; {@link Instant#MIN} when they need not. */
    Instant pausedUntil() {
        return pausedUntil;
    }

    synchronized void transientFailure(Clock clock, Backoff backoff) {
        Instant now = clock.instant();
        // Escalate once per round of failures, not per failed request: 30 chats failing at once are one outage.
        if (consecutiveFailures.incrementAndGet() >= FAILURES_BEFORE_PAUSE && !now.isBefore(pausedUntil)) {
            Duration pause = backoff.delayAfter(++pauseLevel);
            pausedUntil = now.plus(pause);
            log.warn("{} failed requests in a row: Telegram looks down, pausing all sends for {}", consecutiveFailures.get(), pause);
        }
    }

    synchronized void telegramAnswered() {
        if (consecutiveFailures.getAndSet(0) > 0) {
            pauseLevel = 0;
            pausedUntil = Instant.MIN;
        }
    }
}
