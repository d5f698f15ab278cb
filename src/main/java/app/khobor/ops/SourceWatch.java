package app.khobor.ops;

import app.khobor.ops.SourceReport.State;
import app.khobor.source.SourceStatus;
import app.khobor.source.SourceStatusView;
import app.khobor.text.BanglaCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges each source: failing (and for how long), or silent. "Silent" means reads succeed but no new headline came
 * for {@value #SILENCE_FACTOR} times its usual gap (the 90th percentile of its last gaps between reads that brought
 * news), and at least {@code sourceAlertAfter}: a portal whose feed froze looks healthy to the poller, and that is
 * the "bot silently stopped" readers complain about. A source with fewer than {@value #MIN_GAPS} gaps on record is
 * never called silent.
 */
final class SourceWatch {
    static final int SILENCE_FACTOR = 4;
    static final int MIN_GAPS = 10;
    private static final int ARRIVALS = 41;

    private final SourceStatusView statuses;
    private final SourceActivity activity;
    private final OpsQueries queries;
    private final Duration alertAfter;
    private final Clock clock;

    SourceWatch(SourceStatusView statuses, SourceActivity activity, OpsQueries queries, Duration alertAfter,
                Clock clock) {
        this.statuses = statuses;
        this.activity = activity;
        this.queries = queries;
        this.alertAfter = alertAfter;
        this.clock = clock;
    }

    Duration alertAfter() {
        return alertAfter;
    }

    List<SourceReport> reports() {
        Instant now = clock.instant();
        Map<String, Long> today = queries.newHeadlinesSince(startOfToday());
        List<SourceReport> reports = new ArrayList<>();
        for (SourceStatus s : statuses.sourceStatuses()) {
            List<Instant> arrivals = queries.arrivals(s.sourceId(), ARRIVALS);
            Instant lastNew = arrivals.isEmpty() ? null : arrivals.get(0);
            Duration usual = usualGap(arrivals);
            Instant failingSince = s.consecutiveFailures() == 0 ? null
                    : activity.failingSince(s.sourceId()).orElse(s.lastFailure());
            reports.add(new SourceReport(s, state(s, now, failingSince, lastNew, usual), failingSince, lastNew, usual,
                    today.getOrDefault(s.sourceId(), 0L)));
        }
        return reports;
    }

    private State state(SourceStatus s, Instant now, Instant failingSince, Instant lastNew, Duration usual) {
        if (s.consecutiveFailures() > 0) {
            boolean long_ = failingSince != null && !Duration.between(failingSince, now).minus(alertAfter).isNegative();
            return long_ ? State.DEAD : State.FAILING;
        }
        if (s.lastSuccess() == null) {
            return State.WAITING;
        }
        if (lastNew != null && usual != null && Duration.between(lastNew, now).compareTo(silenceLimit(usual)) > 0) {
            return State.SILENT;
        }
        return State.OK;
    }

    /** How long without news makes a source silent. */
    Duration silenceLimit(Duration usual) {
        Duration limit = usual.multipliedBy(SILENCE_FACTOR);
        return limit.compareTo(alertAfter) < 0 ? alertAfter : limit;
    }

    /** 90th percentile of the gaps between consecutive arrivals (newest first); null with too few. */
    static Duration usualGap(List<Instant> arrivals) {
        if (arrivals.size() < MIN_GAPS + 1) {
            return null;
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 0; i + 1 < arrivals.size(); i++) {
            gaps.add(Duration.between(arrivals.get(i + 1), arrivals.get(i)));
        }
        gaps.sort(null);
        return gaps.get((int) Math.ceil(gaps.size() * 0.9) - 1);
    }

    private Instant startOfToday() {
        LocalDate today = LocalDate.now(clock.withZone(BanglaCalendar.ZONE));
        return today.atStartOfDay(BanglaCalendar.ZONE).toInstant();
    }
}
