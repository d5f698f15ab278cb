package app.khobor.source;

import java.util.List;

/** What one read of a source gave. */
public sealed interface ReadOutcome {
    /** The source answered with content; {@code headlines} in page order (possibly empty for a feed). */
    record Read(List<Headline> headlines, Validators validators) implements ReadOutcome {}

    /** 304: nothing changed since the last read. */
    record Unchanged() implements ReadOutcome {}

    /** The source could not be read; never to be taken as "no new headlines". */
    record Failed(FailureKind kind, String message) implements ReadOutcome {}
}
