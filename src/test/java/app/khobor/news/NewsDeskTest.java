package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.FakeClock;
import app.khobor.fakes.RestartableDatabase;
import app.khobor.source.Headline;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class NewsDeskTest {
    @Parameter
    Engine engine;

    private static final String SOURCE = "ittefaq";
    /** ঝিনাইদহে, percent-encoded as in the Ittefaq feed. */
    private static final String SLUG = "%E0%A6%9D%E0%A6%BF%E0%A6%A8%E0%A6%BE%E0%A6%87%E0%A6%A6%E0%A6%B9%E0%A7%87";
    private static final String RAIN = "\u09AC\u09C3\u09B7\u09CD\u099F\u09BF";

    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T06:00:00Z"));
    private RestartableDatabase database;
    private Database db;
    private HeadlineHistory store;
    private SourceReadState reads;
    private NewsDesk desk;

    @BeforeEach
    void open() {
        openDesk(1000);
    }

    @AfterEach
    void close() {
        if (database != null) { // null when the PostgreSQL run was skipped
            database.close();
        }
    }

    private void openDesk(long cacheSize) {
        database = new RestartableDatabase(engine, dir);
        desk(database.db(), cacheSize);
    }

    private void desk(Database db, long cacheSize) {
        this.db = db;
        store = HeadlineHistory.create(db);
        SeenCache seen = SeenCache.create(store, new StorageSettings(db.url(), NewsDesk.DEFAULT_RETENTION, cacheSize, Duration.ofHours(6)));
        reads = SourceReadState.create(db);
        desk = new NewsDesk(store, reads, seen, clock);
    }

    private void restart(long cacheSize) {
        desk(database.restart(), cacheSize);
    }

    private static Headline headline(String source, int n) {
        return new Headline(source, RAIN + " " + n, "https://www.ittefaq.com.bd/" + n + "/" + SLUG, null);
    }

    private static List<Headline> page(int... numbers) {
        return IntStream.of(numbers).mapToObj(n -> headline(SOURCE, n)).toList();
    }

    private static List<String> titles(List<StoredHeadline> headlines) {
        return headlines.stream().map(StoredHeadline::title).toList();
    }

    @Test
    void the_first_read_is_a_baseline_stored_but_not_announced() {
        assertThat(desk.accept(SOURCE, page(1, 2, 3))).isEmpty();

        assertThat(store.latest(10)).hasSize(3);
        assertThat(reads.wasRead(SOURCE)).isTrue();
    }

    @Test
    void after_the_baseline_only_new_headlines_come_back_in_page_order() {
        desk.accept(SOURCE, page(1, 2, 3));
        clock.advance(Duration.ofMinutes(5));

        List<StoredHeadline> fresh = desk.accept(SOURCE, page(5, 4, 1, 2, 3));

        assertThat(titles(fresh)).containsExactly(RAIN + " 5", RAIN + " 4");
        assertThat(fresh).allSatisfy(h -> assertThat(h.firstSeen()).isEqualTo(clock.instant()));
    }

    @Test
    void a_reordered_page_has_nothing_new() {
        desk.accept(SOURCE, page(1, 2, 3, 4));

        assertThat(desk.accept(SOURCE, page(4, 2, 3, 1))).isEmpty();
        assertThat(desk.accept(SOURCE, page(3))).isEmpty();
    }

    @Test
    void the_same_link_in_another_spelling_is_not_new() {
        desk.accept(SOURCE, page(1));
        Headline respelled = new Headline(SOURCE, RAIN, "HTTPS://www.ittefaq.com.bd:443/1/" + SLUG.toLowerCase() + "?utm_source=fb#top", null);

        assertThat(desk.accept(SOURCE, List.of(respelled))).isEmpty();
    }

    @Test
    void a_link_repeated_on_one_page_is_announced_once() {
        desk.accept(SOURCE, page(1));

        assertThat(titles(desk.accept(SOURCE, page(2, 2, 1, 2)))).containsExactly(RAIN + " 2");
    }

    @Test
    void a_headline_reappearing_after_eviction_from_the_cache_is_not_new() {
        restart(2);
        desk.accept(SOURCE, page(1, 2, 3, 4, 5, 6, 7, 8));
        desk.accept(SOURCE, page(9, 10, 11, 12));

        assertThat(desk.accept(SOURCE, page(1, 2, 3))).isEmpty();
    }

    @Test
    void after_a_restart_the_same_page_has_nothing_new_and_no_second_baseline_is_taken() {
        desk.accept(SOURCE, page(1, 2, 3));
        restart(1000);

        assertThat(desk.accept(SOURCE, page(1, 2, 3))).isEmpty();
        assertThat(titles(desk.accept(SOURCE, page(4, 1, 2, 3)))).containsExactly(RAIN + " 4");
    }

    @Test
    void the_same_link_at_two_sources_is_new_at_each() {
        desk.accept("ittefaq", page(1));
        desk.accept("samakal", List.of(headline("samakal", 2)));

        assertThat(desk.accept("samakal", List.of(headline("samakal", 1)))).hasSize(1);
    }

    @Test
    void an_empty_read_does_not_take_the_baseline_so_a_feed_that_fills_later_does_not_flood_readers() {
        assertThat(desk.accept(SOURCE, List.of())).isEmpty();
        assertThat(reads.wasRead(SOURCE)).isFalse();

        assertThat(desk.accept(SOURCE, page(1, 2, 3))).isEmpty();
        assertThat(titles(desk.accept(SOURCE, page(1, 2, 3, 4)))).containsExactly(RAIN + " 4");
    }

    @Test
    void purge_deletes_history_older_than_the_retention() {
        desk.accept(SOURCE, page(1, 2));
        clock.advance(Duration.ofDays(20));
        desk.accept(SOURCE, page(3));
        clock.advance(Duration.ofDays(11));

        assertThat(desk.purgeOlderThan(NewsDesk.DEFAULT_RETENTION)).isEqualTo(2);
        assertThat(titles(store.latest(10))).containsExactly(RAIN + " 3");
        assertThat(store.countSince(clock.instant().minus(Duration.ofDays(31)))).isEqualTo(1);
    }

    @Test
    void a_headline_still_listed_after_the_retention_survives_the_purge_and_is_not_announced_after_a_restart() {
        desk.accept(SOURCE, page(1));
        for (int day = 0; day < 31; day++) {
            clock.advance(Duration.ofDays(1));
            desk.accept(SOURCE, page(1));
        }

        assertThat(desk.purgeOlderThan(NewsDesk.DEFAULT_RETENTION)).isZero();
        restart(1000);

        assertThat(titles(desk.accept(SOURCE, page(1, 2)))).containsExactly(RAIN + " 2");
    }

    @Test
    void a_headline_is_purged_once_no_read_has_shown_it_for_the_retention() {
        desk.accept(SOURCE, page(1, 2));
        clock.advance(Duration.ofDays(10));
        desk.accept(SOURCE, page(2, 3));
        clock.advance(Duration.ofDays(21));

        assertThat(desk.purgeOlderThan(NewsDesk.DEFAULT_RETENTION)).isEqualTo(1);
        assertThat(titles(store.latest(10))).containsExactly(RAIN + " 3", RAIN + " 2");
    }

    @Test
    void a_link_known_only_under_another_spelling_is_kept_alive_by_the_read_that_shows_it() {
        desk.accept(SOURCE, page(1));
        clock.advance(Duration.ofDays(20));
        Headline respelled = new Headline(SOURCE, RAIN, "https://www.ittefaq.com.bd/1/" + SLUG + "?utm_source=fb", null);
        desk.accept(SOURCE, List.of(respelled, respelled));
        clock.advance(Duration.ofDays(20));

        assertThat(desk.purgeOlderThan(NewsDesk.DEFAULT_RETENTION)).isZero();
    }

    @Test
    void the_last_seen_time_is_written_once_it_lags_more_than_an_hour_not_on_every_poll() {
        desk.accept(SOURCE, page(1));
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(60));
        desk.accept(SOURCE, page(1));

        assertThat(lastSeen(1)).isEqualTo(first);

        clock.advance(Duration.ofMinutes(1));
        desk.accept(SOURCE, page(1));

        assertThat(lastSeen(1)).isEqualTo(clock.instant());
    }

    @Test
    void after_a_restart_the_first_read_writes_the_last_seen_time_of_what_it_shows() {
        desk.accept(SOURCE, page(1, 2));
        restart(1000);
        clock.advance(Duration.ofMinutes(5));

        desk.accept(SOURCE, page(2));

        assertThat(lastSeen(1)).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
        assertThat(lastSeen(2)).isEqualTo(clock.instant());
    }

    @Test
    void purge_allows_for_the_hour_the_stored_last_seen_time_may_lag() {
        desk.accept(SOURCE, page(1));
        clock.advance(Duration.ofMinutes(59));
        desk.accept(SOURCE, page(1));
        clock.advance(NewsDesk.DEFAULT_RETENTION);

        assertThat(desk.purgeOlderThan(NewsDesk.DEFAULT_RETENTION)).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(desk.purgeOlderThan(NewsDesk.DEFAULT_RETENTION)).isEqualTo(1);
    }

    private Instant lastSeen(int n) {
        String url = CanonicalUrl.of(headline(SOURCE, n).url());
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT last_seen FROM headlines WHERE canonical_url = ?")) {
                s.setString(1, url);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Instant.ofEpochMilli(rs.getLong(1));
                }
            }
        });
    }

    @Test
    void sources_read_in_parallel_each_get_exactly_their_new_headlines() throws Exception {
        int sources = 8;
        ExecutorService pool = Executors.newFixedThreadPool(sources);
        try {
            List<Callable<List<StoredHeadline>>> work = new ArrayList<>();
            for (int s = 0; s < sources; s++) {
                String id = "source" + s;
                List<Headline> baseline = IntStream.range(0, 50).mapToObj(n -> headline(id, n)).toList();
                List<Headline> next = IntStream.range(0, 53).mapToObj(n -> headline(id, n)).toList();
                work.add(() -> {
                    desk.accept(id, baseline);
                    return desk.accept(id, next);
                });
            }
            for (Future<List<StoredHeadline>> result : pool.invokeAll(work)) {
                assertThat(titles(result.get())).containsExactly(RAIN + " 50", RAIN + " 51", RAIN + " 52");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.latest(1000)).hasSize(sources * 53);
    }

    @Test
    void the_story_matcher_reads_each_new_headlines_feed_summary_beside_its_title() {
        List<app.khobor.story.StoryCandidate> asked = new java.util.ArrayList<>();
        desk = new NewsDesk(store, reads, SeenCache.create(store, StorageSettings.DEFAULTS), clock, new app.khobor.story.StoryIndex() {
            @Override
            public long assign(app.khobor.story.StoryCandidate h) {
                asked.add(h);
                return h.id();
            }

            @Override
            public void restore(app.khobor.story.StoryCandidate h, long storyId) {}
        });
        String url = "https://www.ittefaq.com.bd/9/" + SLUG;

        desk.accept(SOURCE, List.of(new Headline(SOURCE, RAIN, url, null, null, "ঢাকায় দিনভর বৃষ্টি")));

        assertThat(asked).extracting(app.khobor.story.StoryCandidate::summary).containsExactly("ঢাকায় দিনভর বৃষ্টি");
    }
}
