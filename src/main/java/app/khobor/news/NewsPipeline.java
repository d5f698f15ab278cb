package app.khobor.news;

import app.khobor.db.StorageException;
import app.khobor.source.ReadHandler;
import app.khobor.source.ReadNotKept;
import app.khobor.source.ReadOutcome;
import app.khobor.source.Validators;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of a headline from a read of its portal to delivery, in one place: a read's headlines are de-duplicated
 * and stored ({@link NewsDesk}), then the read's validators saved, then every new headline logged and handed to
 * delivery ({@link Announcer}), and only once that hand-off succeeded marked announced ({@link AnnounceMarks}).
 * Headlines stored but not handed over (the hand-off failed, or an earlier run died in between) are published again
 * by {@link #publishLeftovers()} at start and before the next read after a failure.
 *
 * <p>Failed and unchanged reads change nothing here. A storage failure reaches the poller as {@link ReadNotKept}: not
 * the portal's failure, so it keeps its schedule and the next read fetches the same headlines again; a failed
 * hand-off does not propagate, because the read itself succeeded.
 */
public final class NewsPipeline implements ReadHandler {
    private static final Logger log = LoggerFactory.getLogger(NewsPipeline.class);
    /** Leftovers published in one go; a backlog larger than this goes out over the next reads. */
    static final int LEFTOVER_BATCH = 10_000;

    private final NewsDesk desk;
    private final SourceReadState reads;
    private final AnnounceMarks marks;
    private final Announcer announcer;
    private volatile boolean leftoversPending;

    public NewsPipeline(NewsDesk desk, SourceReadState reads, AnnounceMarks marks, Announcer announcer) {
        this.desk = desk;
        this.reads = reads;
        this.marks = marks;
        this.announcer = announcer;
    }

    @Override
    public Validators validators(String sourceId) {
        return reads.validators(sourceId).orElse(Validators.NONE);
    }

    @Override
    public void handle(String sourceId, ReadOutcome outcome) {
        if (leftoversPending) {
            publishLeftovers();
        }
        if (outcome instanceof ReadOutcome.Read read) {
            announce(sourceId, keep(sourceId, read));
        }
    }

    /**
     * Stores the read's headlines, then its validators. A storage failure is not the portal's: it leaves as
     * {@link ReadNotKept}, so the poller keeps the source's schedule and re-fetches (the validators were not saved);
     * anything stored before the failure is published with the leftovers.
     */
    private List<StoredHeadline> keep(String sourceId, ReadOutcome.Read read) {
        try {
            List<StoredHeadline> fresh = desk.accept(sourceId, read.headlines());
            // Only after the headlines are safely stored: a saved ETag with lost headlines would hide them forever.
            reads.saveValidators(sourceId, read.validators());
            return fresh;
        } catch (StorageException e) {
            leftoversPending = true;
            StorageException.Kind kind = e.kind();
            String advice = kind.advice().isEmpty() ? "" : "; " + kind.advice();
            throw new ReadNotKept("could not store the headlines read: " + e.getMessage() + advice,
                    kind == StorageException.Kind.CORRUPT, e);
        }
    }

    private void announce(String sourceId, List<StoredHeadline> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        for (StoredHeadline headline : fresh) {
            log.info("new headline: {} | {} | {}", sourceId, headline.title(), headline.url());
        }
        publish(fresh);
    }

    /**
     * Publishes the headlines stored by an earlier run that died (or a hand-off that failed) before delivery had them.
     * Publishing one twice is safe: the outbox keeps one delivery per chat and headline. Never throws.
     */
    public void publishLeftovers() {
        leftoversPending = false;
        try {
            List<StoredHeadline> leftovers = marks.unannounced(LEFTOVER_BATCH);
            if (!leftovers.isEmpty()) {
                log.info("publishing {} headlines an earlier run stored but did not hand to delivery", leftovers.size());
                publish(leftovers);
            }
        } catch (RuntimeException e) {
            leftoversPending = true;
            log.error("publishing leftover headlines failed; will retry", e);
        }
    }

    /** Hands headlines to delivery; only once that succeeded are they marked, so a failure or crash retries them. */
    private void publish(List<StoredHeadline> headlines) {
        try {
            announcer.announce(headlines);
            marks.markAnnounced(headlines);
        } catch (RuntimeException e) {
            // The read itself succeeded; the headlines stay unannounced and the next read retries them.
            leftoversPending = true;
            log.error("handing {} new headlines to delivery failed; will retry", headlines.size(), e);
        }
    }
}
