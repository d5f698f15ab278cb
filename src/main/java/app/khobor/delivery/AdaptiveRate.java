package app.khobor.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Lowers the bot-wide rate when 429s hit different chats within a short span: that means Telegram's real global
 * budget is below the configured one (a single chat's 429 only says that chat was too fast). Multiplicative decrease,
 * at most once per {@link #SPAN}, for as long as such 429s go on. Once they stop, the rate probes back up quickly:
 * every {@link #STEP} without them it grows by a quarter, and by at least a tenth of the configured rate, so it is back at
 * the configured rate at most ten steps (20 s) after the last of them. 429s while probing lower it again. Thread-safe.
 */
final class AdaptiveRate {
    static final Duration SPAN = Duration.ofSeconds(2);
    static final Duration STEP = Duration.ofSeconds(2);
    private static final double DECREASE = 0.7;
    private static final double INCREASE = 1.25;

    private final int configured;
    private int current;
    private long lastChatId;
    private Instant last429 = Instant.MIN;
    /** The last 429 that followed another chat's within {@link #SPAN}: the budget looked too high then. */
    private Instant lastPressure = Instant.MIN;
    private Instant lastDecrease = Instant.MIN;
    private Instant lastChange = Instant.MIN;

    AdaptiveRate(int configured) {
        this.configured = configured;
        this.current = configured;
    }

    /** Returns the rate to use from now on. */
    synchronized int onTooManyRequests(long chatId, Instant now) {
        if (chatId != lastChatId && last429.plus(SPAN).isAfter(now)) {
            lastPressure = now;
            if (!lastDecrease.plus(SPAN).isAfter(now)) {
                current = Math.max(1, (int) (current * DECREASE));
                lastDecrease = now;
                lastChange = now;
            }
        }
        lastChatId = chatId;
        last429 = now;
        return current;
    }

    /** Probes a step up when one is due; returns the rate to use from now on. */
    synchronized int tick(Instant now) {
        Instant due = nextTick();
        if (due != null && !due.isAfter(now)) {
            int grown = Math.max(current + Math.max(1, configured / 10), (int) Math.ceil(current * INCREASE));
            current = Math.min(configured, grown);
            lastChange = now;
        }
        return current;
    }

    /** When {@link #tick} may next change something, or null when the rate is at the configured value. */
    synchronized Instant nextTick() {
        if (current >= configured) {
            return null;
        }
        return (lastPressure.isAfter(lastChange) ? lastPressure : lastChange).plus(STEP);
    }

    synchronized int current() {
        return current;
    }
}
