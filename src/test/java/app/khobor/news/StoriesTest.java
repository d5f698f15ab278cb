package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.SameTitleStories;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Headline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The story of each headline: assigned when it is stored, kept in the history, restored after a restart (V12). */
@ParameterizedClass
@EnumSource(Engine.class)
class StoriesTest {
    @Parameter
    Engine engine;

    private static final String TOLL = "\u09A1\u09C7\u0999\u09CD\u0997\u09C1\u09A4\u09C7 \u0986\u09B0\u0993 \u09E7\u09E8 \u099C\u09A8\u09C7\u09B0 \u09AE\u09C3\u09A4\u09CD\u09AF\u09C1"; // ডেঙ্গুতে আরও ১২ জনের মৃত্যু

    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T06:00:00Z"));
    private Database db;
    private HeadlineHistory history;
    private NewsDesk desk;

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
        history = HeadlineHistory.create(db);
        SourceReadState reads = SourceReadState.create(db);
        desk = new NewsDesk(history, reads, SeenCache.create(history,
                new StorageSettings(db.url(), NewsDesk.DEFAULT_RETENTION, 1000, Duration.ofHours(6))), clock,
                new SameTitleStories());
        desk.accept("samakal", List.of(headline("samakal", "baseline", 0)));
        desk.accept("jugantor", List.of(headline("jugantor", "baseline", 0)));
        desk.accept("kalerkantho", List.of(headline("kalerkantho", "baseline", 0)));
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    private static Headline headline(String source, String title, int n) {
        return new Headline(source, title, "https://" + source + ".example/" + n, null);
    }

    @Test
    void a_copy_from_another_portal_is_stored_in_the_first_copys_story() {
        StoredHeadline first = desk.accept("samakal", List.of(headline("samakal", TOLL, 1))).get(0);
        clock.advance(Duration.ofMinutes(20));
        StoredHeadline copy = desk.accept("jugantor", List.of(headline("jugantor", TOLL, 1))).get(0);

        assertThat(first.storyId()).isEqualTo(first.id());
        assertThat(first.joinedStory()).isFalse();
        assertThat(copy.storyId()).isEqualTo(first.id());
        assertThat(copy.joinedStory()).isTrue();
        assertThat(history.byId(copy.id()).orElseThrow().storyId()).as("stored").isEqualTo(first.id());
        assertThat(history.story(first.id())).extracting(StoredHeadline::sourceId).containsExactly("samakal", "jugantor");
    }

    @Test
    void without_a_matcher_every_headline_is_its_own_story() {
        NewsDesk solo = new NewsDesk(history, SourceReadState.create(db), SeenCache.create(history,
                new StorageSettings(db.url(), NewsDesk.DEFAULT_RETENTION, 1000, Duration.ofHours(6))), clock);
        StoredHeadline first = solo.accept("samakal", List.of(headline("samakal", TOLL, 1))).get(0);
        StoredHeadline copy = solo.accept("jugantor", List.of(headline("jugantor", TOLL, 1))).get(0);

        assertThat(history.byId(first.id()).orElseThrow().storyId()).isEqualTo(first.id());
        assertThat(history.byId(copy.id()).orElseThrow().storyId()).isEqualTo(copy.id());
    }

    @Test
    void a_restart_restores_the_window_so_a_later_copy_joins_the_stored_story() {
        StoredHeadline first = desk.accept("samakal", List.of(headline("samakal", TOLL, 1))).get(0);
        clock.advance(Duration.ofHours(1));
        StoredHeadline second = desk.accept("jugantor", List.of(headline("jugantor", TOLL, 1))).get(0);

        // A new process: a fresh, empty index, filled from the history.
        SameTitleStories fresh = new SameTitleStories();
        NewsDesk restarted = new NewsDesk(history, SourceReadState.create(db), SeenCache.create(history,
                new StorageSettings(db.url(), NewsDesk.DEFAULT_RETENTION, 1000, Duration.ofHours(6))), clock, fresh);
        assertThat(restarted.restoreStories(Duration.ofHours(24))).isEqualTo(5);
        clock.advance(Duration.ofMinutes(10));
        StoredHeadline third = restarted.accept("kalerkantho", List.of(headline("kalerkantho", TOLL, 1))).get(0);

        assertThat(second.storyId()).isEqualTo(first.id());
        assertThat(third.storyId()).isEqualTo(first.id());
    }

    @Test
    void headlines_stored_before_stories_are_each_their_own_story() {
        db.write(c -> app.khobor.db.Statements.update(c, "UPDATE headlines SET story_id = NULL"));

        assertThat(history.latest(10)).allSatisfy(h -> assertThat(h.storyId()).isEqualTo(h.id()));
    }
}
