package app.khobor.source;

/**
 * Where {@link PollScheduler} hands every read of a source. What happens to the headlines (storing, de-duplicating,
 * announcing) is the handler's business; the scheduler only schedules, fetches and keeps each source's health.
 */
public interface ReadHandler {

    /** The validators to send with the first read of a source, e.g. saved by an earlier run; {@link Validators#NONE} when none. */
    Validators validators(String sourceId);

    /**
     * Takes one read, whatever its outcome. Called for one source at a time, but for different sources in parallel.
     * Returning normally means a {@link ReadOutcome.Read}'s headlines are safely kept, so the scheduler sends its
     * validators with the next request. {@link ReadNotKept} means the handler's own side failed (storage): the
     * source keeps its schedule and sends its old validators, and a fatal one ends polling; any other exception
     * counts as a failed poll of that source and never ends polling.
     */
    void handle(String sourceId, ReadOutcome outcome);
}
