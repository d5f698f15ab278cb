package app.khobor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.Statements;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.TestDatabases;
import app.khobor.ops.SourceReport.State;
import app.khobor.source.FailureKind;
import app.khobor.source.ReadOutcome;
import app.khobor.source.SourceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** When a source counts as dead or silent, and what the admins are told: on a real database and a fake clock. */
@ParameterizedClass
@EnumSource(Engine.class)
class SourceWatchTest {
    private static final Instant START = Instant.parse("2026-08-13T05:00:00Z");
    private static final Duration ALERT_AFTER = Duration.ofHours(1);

    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock(START);
    private Database db;
    private SourceStatus status;
    private SourceActivity activity;
    private SourceWatch watch;
    private final List<String> toAdmins = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
        activity = new SourceActivity(clock, System::nanoTime);
        status = new SourceStatus("pa", "Prothom Alo", START, null, null, 0, false);
        watch = new SourceWatch(() -> List.of(status), activity, new OpsQueries(db), ALERT_AFTER, clock);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    private SourceAlerts alerts() {
        return new SourceAlerts(watch, new RecordingReplies(toAdmins), List.of(7L, 8L), clock);
    }

    /** One new headline every {@code gap}, the last one {@code gap} ago. */
    private void arrivals(int n, Duration gap) {
        for (int i = n; i >= 1; i--) {
            long at = clock.instant().minus(gap.multipliedBy(i)).toEpochMilli();
            int k = i;
            db.write(c -> Statements.update(c, "INSERT INTO headlines(source_id, title, key, url, canonical_url,"
                    + " first_seen) VALUES ('pa', 't', 't', ?, ?, ?)", "https://x/" + k, "https://x/" + k, at));
        }
    }

    private State state() {
        return watch.reports().get(0).state();
    }

    @Test
    void the_usual_gap_is_the_90th_percentile_of_the_last_gaps_and_needs_ten_of_them() {
        List<Instant> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(START.minus(Duration.ofMinutes(10L * i)));
        }
        assertThat(SourceWatch.usualGap(ten)).as("nine gaps are too few").isNull();
        List<Instant> eleven = new ArrayList<>(ten);
        eleven.add(START.minus(Duration.ofMinutes(190))); // one long gap of 100 min at the end
        assertThat(SourceWatch.usualGap(eleven)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_source_is_silent_after_four_usual_gaps_and_at_least_sourceAlertAfter() {
        arrivals(20, Duration.ofMinutes(20));
        assertThat(state()).isEqualTo(State.OK);

        clock.advance(Duration.ofMinutes(59)); // 79 min since the last: within 80 = 4 × 20
        assertThat(state()).isEqualTo(State.OK);
        clock.advance(Duration.ofMinutes(2));
        assertThat(state()).isEqualTo(State.SILENT);
    }

    @Test
    void failing_becomes_dead_after_sourceAlertAfter_and_admins_hear_once_then_once_more_on_recovery() {
        SourceAlerts alerts = alerts();
        activity.read("pa", new ReadOutcome.Failed(FailureKind.HTTP_STATUS, "HTTP 500 from https://x/feed", 500),
                Duration.ofSeconds(1));
        status = new SourceStatus("pa", "Prothom Alo", START, clock.instant(), "HTTP 500 from https://x/feed", 1, false);
        assertThat(state()).isEqualTo(State.FAILING);
        alerts.check();
        assertThat(toAdmins).isEmpty();

        clock.advance(ALERT_AFTER);
        status = new SourceStatus("pa", "Prothom Alo", START, clock.instant(), "HTTP 500 from https://x/feed", 9, false);
        alerts.check();
        alerts.check();
        assertThat(toAdmins).hasSize(2).allSatisfy(m -> assertThat(m).contains("Prothom Alo", "HTTP 500",
                "\u09E7 \u0998\u09A3\u09CD\u099F\u09BE")); // ১ ঘণ্টা

        activity.read("pa", new ReadOutcome.Unchanged(), Duration.ofSeconds(1));
        status = new SourceStatus("pa", "Prothom Alo", clock.instant(), clock.instant(), null, 0, false);
        alerts.check();
        alerts.check();
        assertThat(toAdmins).hasSize(4);
        assertThat(toAdmins.get(2)).contains("\u0986\u09AC\u09BE\u09B0 \u099A\u09BE\u09B2\u09C1"); // আবার চালু
    }

    @Test
    void the_sourcestatus_table_lists_state_last_success_and_error() {
        status = new SourceStatus("pa", "Prothom Alo", START, START, "blocked: Cloudflare <challenge>", 2, true);
        String table = alerts().table();
        assertThat(table).contains("<b>Prothom Alo</b> pa — failing", "blocked: Cloudflare &lt;challenge&gt;");
    }

    @Test
    void new_today_counts_news_not_the_first_read_that_only_learnt_what_was_already_there() {
        db.write(c -> Statements.update(c, "INSERT INTO headlines(source_id, title, key, url, canonical_url,"
                + " first_seen, baseline) VALUES ('pa', 'old', 'old', 'https://x/old', 'https://x/old', ?, 1)",
                clock.instant().minusSeconds(60).toEpochMilli()));
        arrivals(2, Duration.ofMinutes(5));

        assertThat(watch.reports().get(0).newToday()).isEqualTo(2);
    }
}
