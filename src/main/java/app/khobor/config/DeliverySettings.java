package app.khobor.config;

import java.time.Duration;

/**
 * @param maxAge      pending deliveries waiting longer than this past their release (when the chat's schedule lets
 *                    them go: at once, or the end of a hold) are dropped as stale
 * @param digestOver  when more headlines than this wait for one chat, they go as one digest message
 */
public record DeliverySettings(Duration maxAge, int digestOver) {
    public static final DeliverySettings DEFAULTS = new DeliverySettings(Duration.ofHours(6), 5);
}
