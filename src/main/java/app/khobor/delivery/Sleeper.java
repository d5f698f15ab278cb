package app.khobor.delivery;

import java.time.Instant;

/**
 * How the dispatcher waits for time to pass or for new work, so tests can drive it with a fake clock. One sleeper
 * serves one waiting thread. A {@link #wakeUp()} that comes while the thread is not sleeping makes the next
 * {@link #sleepUntil} return at once, so no wake-up is lost.
 */
public interface Sleeper {
    void sleepUntil(Instant deadline) throws InterruptedException;

    void wakeUp();

    static Sleeper of(java.time.Clock clock) {
        return new ClockSleeper(clock);
    }
}
