package app.khobor.source;

import java.time.Instant;
import java.util.List;

/**
 * When a source's headlines appeared, as far as whoever keeps them knows: what {@link PollScheduler} paces each
 * source by. The news side implements it from its stored headlines; source only reads it.
 */
@FunctionalInterface
public interface PublicationHistory {
    /** No history: every source keeps the configured interval. */
    PublicationHistory NONE = (sourceId, from) -> List.of();

    /**
     * @return the publication times (or first-seen times, where a headline carried none) of the source's headlines
     *         from {@code from} on, in any order
     */
    List<Instant> since(String sourceId, Instant from);
}
