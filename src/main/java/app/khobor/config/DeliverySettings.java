package app.khobor.config;

import java.time.Duration;

/**
 * @param maxAge      pending deliveries older than this are dropped as stale
 * @param digestOver  when more headlines than this wait for one chat, they go as one digest message
 */
public record DeliverySettings(Duration maxAge, int digestOver) {
    public static final DeliverySettings DEFAULTS = new DeliverySettings(Duration.ofHours(6), 5);
}
