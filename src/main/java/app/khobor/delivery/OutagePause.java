package app.khobor.delivery;

import app.khobor.infra.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses all sends after several failed requests in a row: Telegram (or our network) looks down, and every chat
 * retrying on its own backoff would keep hammering it. The pause grows with each round of failures and ends with the
 * first answer from Telegram. Not thread-safe: the {@link Schedule}'s lock guards it.
 */
final class OutagePause {
    // Logged under the dispatcher's name, as before, so log filters keep working.
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int FAILURES_BEFORE_PAUSE = 3;

    private final Backoff backoff;
    private int consecutiveFailures;
    private int level;
    private Instant until = Instant.MIN;

    OutagePause(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Until when nothing may be sent; {@link Instant#MIN} when sends need not wait. */
    Instant until() {
        return until;
    }

    /** Escalates once per round of failures, not per failed request: 30 chats failing at once are one outage. */
    void failed(Instant now) {
        if (++consecutiveFailures >= FAILURES_BEFORE_PAUSE && !now.isBefore(until)) {
            Duration pause = backoff.delayAfter(++level);
            until = now.plus(pause);
            log.warn("{} failed requests in a row: Telegram looks down, pausing all sends for {}", consecutiveFailures, pause);
        }
    }

    /** Telegram answered; returns true when that ended a streak of failures (and any pause). */
    boolean answered() {
        if (consecutiveFailures == 0) {
            return false;
        }
        consecutiveFailures = 0;
        level = 0;
        until = Instant.MIN;
        return true;
    }
}
