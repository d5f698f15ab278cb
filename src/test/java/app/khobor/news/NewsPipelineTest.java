package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.db.StorageException;
import app.khobor.fakes.RestartableDatabase;
import app.khobor.source.FailureKind;
import app.khobor.source.Headline;
import app.khobor.source.ReadNotKept;
import app.khobor.source.ReadOutcome;
import app.khobor.source.Validators;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The path from a read to delivery, on a real SQLite file; the announcer is a list, or one that fails on demand. */
@ParameterizedClass
@EnumSource(Engine.class)
class NewsPipelineTest {
    @Parameter
    Engine engine;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-13T05:00:00Z"), ZoneOffset.UTC);
    private static final String JAGO = "jagonews24";
    private static final Validators V1 = new Validators("\"j1\"", null);
    private static final Validators V2 = new Validators("\"j2\"", "Thu, 13 Aug 2026 05:00:00 GMT");

    @TempDir
    Path dir;
    private RestartableDatabase database;
    private Database db;
    private NewsPipeline pipeline;
    private final List<StoredHeadline> announced = new CopyOnWriteArrayList<>();
    /** Hand-offs to fail before the announcer works again. */
    private final AtomicInteger failingHandOffs = new AtomicInteger();

    @BeforeEach
    void open() {
        database = new RestartableDatabase(engine, dir);
        pipeline(database.db());
    }

    private void pipeline(Database db) {
        this.db = db;
        HeadlineHistory history = HeadlineHistory.create(db);
        SourceReadState reads = SourceReadState.create(db);
        SeenCache seen = SeenCache.create(history, new StorageSettings(db.url(), Duration.ofDays(30), 10_000, Duration.ofDays(7)));
        pipeline = new NewsPipeline(new NewsDesk(history, reads, seen, CLOCK), reads, AnnounceMarks.create(db), fresh -> {
            if (failingHandOffs.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("outbox unavailable");
            }
            announced.addAll(fresh);
        });
    }

    @AfterEach
    void close() {
        if (database != null) { // null when the PostgreSQL run was skipped
            database.close();
        }
    }

    private void restart() {
        pipeline(database.restart());
    }

    private static ReadOutcome.Read read(Validators validators, int... numbers) {
        List<Headline> page = IntStream.of(numbers)
                .mapToObj(n -> new Headline(JAGO, "\u0996\u09AC\u09B0 " + n, "https://www.jagonews24.com/national/" + n, null))
                .toList();
        return new ReadOutcome.Read(page, validators);
    }

    private List<String> announcedUrls() {
        return announced.stream().map(StoredHeadline::url).toList();
    }

    private int unannounced() {
        return AnnounceMarks.create(db).unannounced(100).size();
    }

    @Test
    void the_first_read_is_a_baseline_and_the_next_announces_exactly_the_new_links_in_page_order() {
        pipeline.handle(JAGO, read(V1, 1, 2, 3));
        assertThat(announced).isEmpty();

        pipeline.handle(JAGO, read(V2, 5, 1, 4, 2, 3));

        assertThat(announcedUrls()).containsExactly("https://www.jagonews24.com/national/5",
                "https://www.jagonews24.com/national/4");
        assertThat(announced).extracting(StoredHeadline::sourceId).containsOnly(JAGO);
        assertThat(unannounced()).isZero();
    }

    @Test
    void the_validators_of_a_read_are_saved_with_its_headlines_and_given_back_after_a_restart() {
        assertThat(pipeline.validators(JAGO)).isEqualTo(Validators.NONE);
        pipeline.handle(JAGO, read(V1, 1, 2));
        pipeline.handle(JAGO, read(V2, 3, 1, 2));
        assertThat(announced).hasSize(1);

        restart();
        announced.clear();
        pipeline.handle(JAGO, read(V2, 3, 1, 2)); // a server that ignores If-None-Match sends it all again

        assertThat(pipeline.validators(JAGO)).isEqualTo(V2);
        assertThat(announced).isEmpty();
    }

    @Test
    void validators_are_not_saved_when_the_headlines_could_not_be_stored() {
        pipeline.handle(JAGO, read(V1, 1));
        db.close();

        assertThatThrownBy(() -> pipeline.handle(JAGO, read(V2, 2, 1))).as("not the portal's failure")
                .isInstanceOf(ReadNotKept.class).hasCauseInstanceOf(StorageException.class);

        restart();
        assertThat(pipeline.validators(JAGO)).isEqualTo(V1);
    }

    @Test
    void failed_and_unchanged_reads_store_and_announce_nothing() {
        pipeline.handle(JAGO, new ReadOutcome.Failed(FailureKind.HTTP_STATUS, "HTTP 500 from https://x/feed", 500));
        pipeline.handle(JAGO, new ReadOutcome.Unchanged());
        pipeline.handle(JAGO, read(V1, 1));

        pipeline.handle(JAGO, read(V2, 2, 1));

        assertThat(announcedUrls()).containsExactly("https://www.jagonews24.com/national/2");
    }

    @Test
    void headlines_whose_hand_over_to_delivery_failed_are_published_by_the_next_read_exactly_once() {
        pipeline.handle(JAGO, read(V1, 1));
        failingHandOffs.set(1);

        pipeline.handle(JAGO, read(V2, 2, 3, 1)); // stores the 2 new ones, but handing them over fails
        assertThat(announced).isEmpty();
        assertThat(unannounced()).isEqualTo(2);

        pipeline.handle(JAGO, new ReadOutcome.Unchanged()); // the leftovers go out
        pipeline.handle(JAGO, new ReadOutcome.Unchanged());

        assertThat(announcedUrls()).containsExactly("https://www.jagonews24.com/national/2",
                "https://www.jagonews24.com/national/3");
        assertThat(unannounced()).isZero();
    }

    @Test
    void headlines_stored_by_a_run_that_died_before_handing_them_over_are_published_at_start() {
        pipeline.handle(JAGO, read(V1, 1));
        failingHandOffs.set(1); // what a kill between storing and publishing leaves behind: stored, not announced
        pipeline.handle(JAGO, read(V2, 2, 1));

        restart();
        pipeline.publishLeftovers();

        assertThat(announcedUrls()).containsExactly("https://www.jagonews24.com/national/2");
        assertThat(unannounced()).isZero();
        pipeline.publishLeftovers();
        assertThat(announced).hasSize(1);
    }

    @Test
    void a_failed_start_up_publish_is_retried_by_the_next_read() {
        pipeline.handle(JAGO, read(V1, 1));
        failingHandOffs.set(1);
        pipeline.handle(JAGO, read(V2, 2, 1));
        restart();
        failingHandOffs.set(1);

        pipeline.publishLeftovers();
        assertThat(announced).isEmpty();
        pipeline.handle(JAGO, new ReadOutcome.Unchanged());

        assertThat(announcedUrls()).containsExactly("https://www.jagonews24.com/national/2");
    }
}
