package app.khobor.source;

import app.khobor.text.BengaliText;
import java.util.List;

/** What one read of a source gave. */
public sealed interface ReadOutcome {
    /** The source answered with content; {@code headlines} in page order (possibly empty for a feed). */
    record Read(List<Headline> headlines, Validators validators) implements ReadOutcome {}

    /** 304: nothing changed since the last read. */
    record Unchanged() implements ReadOutcome {}

    /**
     * The source could not be read; never to be taken as "no new headlines".
     *
     * @param message one short line for an operator, e.g. "HTTP 500 from https://x/feed"
     * @param status  the HTTP status of the answer that failed, 0 when no response was received
     */
    record Failed(FailureKind kind, String message, int status) implements ReadOutcome {
        /** The message often quotes the portal (a page title, a reason phrase): no controls or bidi overrides. */
        public Failed {
            message = BengaliText.display(message);
        }

        /** A failure with no HTTP response behind it. */
        public Failed(FailureKind kind, String message) {
            this(kind, message, 0);
        }
    }
}
