package app.khobor.delivery;

import app.khobor.config.DeliverySettings;
import app.khobor.config.RateLimitSettings;
import java.time.Duration;

/**
 * @param senderThreads    concurrent requests to Telegram (each takes milliseconds; 1000/s needs dozens)
 * @param safetyMargin     added to every rate window, as slack for Telegram's clock and ours
 * @param maxActiveChats   chats with pending pushes held in memory at once; the rest wait in the outbox
 * @param maxDigest        headlines in one digest at most; more go in the next one
 * @param sweepEvery       how often stale rows are dropped and the outbox is rescanned
 * @param longRetryAfter   a 429 longer than this is written to the outbox and the chat leaves memory until then
 */
public record DispatcherSettings(
        RateLimitSettings rateLimit,
        boolean paidBroadcast,
        DeliverySettings delivery,
        int senderThreads,
        Duration safetyMargin,
        int maxActiveChats,
        int maxDigest,
        Duration sweepEvery,
        Duration longRetryAfter) {

    public DispatcherSettings {
        if (senderThreads < 1 || maxActiveChats < 1 || maxDigest <= delivery.digestOver()) {
            throw new IllegalArgumentException("delivery: senderThreads and maxActiveChats must be positive and maxDigest ("
                    + maxDigest + ") above digestOver (" + delivery.digestOver() + ")");
        }
    }

    public static DispatcherSettings of(RateLimitSettings rateLimit, boolean paidBroadcast, DeliverySettings delivery) {
        return new DispatcherSettings(rateLimit, paidBroadcast, delivery, 32, Duration.ofMillis(5), 4096,
                Math.max(30, delivery.digestOver() + 1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }
}
