package app.khobor.ops;

import app.khobor.source.SourceStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One source as the operator sees it: the poller's health plus how long it has failed, when it last brought news,
 * what its usual gap between new headlines is, and what that makes of it.
 *
 * @param failingSince the first failure after the last success; null while not failing
 * @param lastNew      when it last brought a new headline; null when never
 * @param usualGap     the 90th percentile of its recent gaps between new headlines; null while there are too few
 * @param newToday     new headlines since midnight in Bangladesh
 */
record SourceReport(SourceStatus status, State state, Instant failingSince, Instant lastNew, Duration usualGap,
                    long newToday) {

    enum State {
        /** Read recently, or failing for less than {@code ops.sourceAlertAfter}. */
        OK("ok"),
        /** Not read yet since start. */
        WAITING("waiting"),
        /** The last reads failed, for less than sourceAlertAfter so far. */
        FAILING("failing"),
        /** Failing for sourceAlertAfter or longer: the admins are told. */
        DEAD("dead"),
        /** Reads succeed but bring nothing new for far longer than usual: the admins are told. */
        SILENT("silent");

        private final String label;

        State(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** A state the admins get a message about. */
        boolean alarming() {
            return this == DEAD || this == SILENT;
        }
    }

    String id() {
        return status.sourceId();
    }

    String name() {
        return status.name() == null ? status.sourceId() : status.name();
    }
}
