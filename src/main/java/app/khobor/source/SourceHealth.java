package app.khobor.source;

import app.khobor.config.SourceConfig;
import app.khobor.text.BengaliText;
import java.time.Instant;

/** Mutable per-source state of the poller: conditional-GET validators and the last outcome. */
final class SourceHealth {
    private final SourceConfig source;
    private Validators validators;
    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastError;
    private int consecutiveFailures;
    private boolean blocked;

    SourceHealth(SourceConfig source, Validators validators) {
        this.source = source;
        this.validators = validators == null ? Validators.NONE : validators;
    }

    synchronized Validators validators() {
        return validators;
    }

    synchronized void read(Validators fresh) {
        this.validators = fresh == null ? Validators.NONE : fresh;
    }

    synchronized void succeeded(Instant at) {
        lastSuccess = at;
        lastError = null;
        consecutiveFailures = 0;
        blocked = false;
    }

    /** A successful read that still deserves the operator's eye; shown as the last error. */
    synchronized void noted(String remark) {
        lastError = BengaliText.display(remark);
    }

    synchronized void failed(Instant at, String error, boolean blockedByChallenge) {
        lastFailure = at;
        // Shown in /stats and built from text portals and drivers wrote: keep it one clean line.
        lastError = BengaliText.display(error);
        consecutiveFailures++;
        blocked = blockedByChallenge;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized SourceStatus status() {
        return new SourceStatus(source.id(), source.name(), lastSuccess, lastFailure, lastError, consecutiveFailures, blocked);
    }
}
