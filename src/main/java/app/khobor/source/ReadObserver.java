package app.khobor.source;

import java.time.Duration;

/**
 * Told of every read as the portal's answer comes back, before it is handled: the operator's metrics and health
 * watch the polling without the scheduler knowing what they do with it. Must be quick and must not throw.
 */
@FunctionalInterface
public interface ReadObserver {
    ReadObserver NONE = (sourceId, outcome, took) -> { };

    /** @param took fetching and parsing, waiting for the host's turn included */
    void read(String sourceId, ReadOutcome outcome, Duration took);
}
