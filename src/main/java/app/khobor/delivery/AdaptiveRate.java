package app.khobor.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Lowers the bot-wide rate when 429s hit different chats within a short span: that means Telegram's real global
 * budget is below the configured one (a single chat's 429 only says that chat was too fast). Multiplicative decrease,
 * slow additive recovery. Thread-safe.
 */
final class AdaptiveRate {
    static final Duration SPAN = Duration.ofSeconds(2);
    static final Duration RECOVER_EVERY = Duration.ofSeconds(10);
    private static final double DECREASE = 0.7;

    private final int configured;
    private int current;
    private long lastChatId;
    private Instant last429 = Instant.MIN;
    private Instant lastChange = Instant.MIN;

    AdaptiveRate(int configured) {
        this.configured = configured;
        this.current = configured;
    }

    /** Returns the rate to use from now on. */
    synchronized int onTooManyRequests(long chatId, Instant now) {
        boolean otherChatRecently = chatId != lastChatId && last429.plus(SPAN).isAfter(now);
        boolean cooledDown = !lastChange.plus(SPAN).isAfter(now);
        if (otherChatRecently && cooledDown) {
            current = Math.max(1, (int) (current * DECREASE));
            lastChange = now;
        }
        lastChatId = chatId;
        last429 = now;
        return current;
    }

    /** Recovers a step after a quiet period; returns the rate to use from now on. */
    synchronized int tick(Instant now) {
        Instant quietSince = last429.isAfter(lastChange) ? last429 : lastChange;
        if (current < configured && !quietSince.plus(RECOVER_EVERY).isAfter(now)) {
            current = Math.min(configured, current + Math.max(1, configured / 20));
            lastChange = now;
        }
        return current;
    }

    /** When {@link #tick} may next change something, or null when the rate is at the configured value. */
    synchronized Instant nextTick() {
        if (current >= configured) {
            return null;
        }
        Instant quietSince = last429.isAfter(lastChange) ? last429 : lastChange;
        return quietSince.plus(RECOVER_EVERY);
    }

    synchronized int current() {
        return current;
    }
}
