package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Headline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class PublicationTimesTest {
    @Parameter
    Engine engine;

    private static final Instant BASELINE = Instant.parse("2026-08-13T04:00:00Z");
    private static final ZoneOffset DHAKA = ZoneOffset.ofHours(6);

    @TempDir
    Path dir;
    private Database db;
    private HeadlineHistory history;
    private SourceReadState reads;

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
        history = HeadlineHistory.create(db);
        reads = SourceReadState.create(db);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    private void store(String url, OffsetDateTime published, Instant firstSeen) {
        Headline h = new Headline("ittefaq", "শিরোনাম " + url, "https://www.ittefaq.com.bd/" + url, published);
        history.insertAll(List.of(new NewHeadline(h, h.url(), h.title())), firstSeen, false);
    }

    @Test
    void a_believable_given_time_counts_else_the_first_sighting_and_undated_baseline_rows_not_at_all() {
        Instant later = BASELINE.plus(Duration.ofHours(3));
        store("baseline-dated", OffsetDateTime.parse("2026-08-13T09:30:00+06:00"), BASELINE);
        store("baseline-undated", null, BASELINE);
        reads.markRead("ittefaq", BASELINE);
        store("new-dated", OffsetDateTime.parse("2026-08-13T12:58:00+06:00"), later);
        store("new-undated", null, later);
        store("new-old-story", OffsetDateTime.parse("2026-08-01T10:00:00+06:00"), later);
        store("new-date-only", OffsetDateTime.parse("2026-08-13T00:00:00+06:00"), later);
        store("new-from-the-future", later.plus(Duration.ofHours(2)).atOffset(DHAKA), later);

        List<Instant> times = new PublicationTimes(db).since("ittefaq", BASELINE.minus(Duration.ofDays(7)));

        assertThat(times).containsExactlyInAnyOrder(
                Instant.parse("2026-08-13T03:30:00Z"),
                Instant.parse("2026-08-13T06:58:00Z"),
                later, later, later, later);
    }

    @Test
    void only_the_asked_source_and_period_are_returned() {
        store("old", null, BASELINE.minus(Duration.ofDays(9)));
        store("recent", null, BASELINE);
        assertThat(new PublicationTimes(db).since("ittefaq", BASELINE.minus(Duration.ofDays(7)))).containsExactly(BASELINE);
        assertThat(new PublicationTimes(db).since("samakal", BASELINE.minus(Duration.ofDays(7)))).isEmpty();
    }
}
