package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.khobor.config.StorageSettings;
import app.khobor.db.Database;
import app.khobor.db.Engine;
import app.khobor.fakes.TestDatabases;
import app.khobor.source.Headline;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
class SeenCacheTest {
    @Parameter
    Engine engine;

    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private HeadlineHistory store;
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    @BeforeEach
    void open() {
        db = TestDatabases.open(engine, dir);
        store = HeadlineHistory.create(db);
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the PostgreSQL run was skipped
            db.close();
        }
    }

    private SeenCache cache(long size, Duration expiry) {
        return SeenCache.create(store, new StorageSettings(db.url(), Duration.ofDays(30), size, expiry), ticker);
    }

    private void storeUrls(int count) {
        List<NewHeadline> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = "https://x.com/" + i;
            batch.add(new NewHeadline(new Headline("ittefaq", "t" + i, url, null), url, "t" + i));
        }
        store.insertAll(batch, T0, false);
    }

    @Test
    void memory_stays_bounded_yet_evicted_entries_are_still_known() {
        storeUrls(10_000);
        SeenCache seen = cache(100, Duration.ofHours(6));

        for (int i = 0; i < 10_000; i++) {
            seen.remember("ittefaq", "https://x.com/" + i, T0);
        }
        seen.cleanUp();

        assertThat(seen.estimatedSize()).isLessThanOrEqualTo(100);
        assertThat(seen.isKnown("ittefaq", "https://x.com/0")).isTrue();
        assertThat(seen.isKnown("ittefaq", "https://x.com/9999")).isTrue();
        assertThat(seen.isKnown("samakal", "https://x.com/0")).isFalse();
    }

    @Test
    void entries_expire_after_access_but_stay_known() {
        storeUrls(1);
        SeenCache seen = cache(100, Duration.ofMinutes(30));
        seen.remember("ittefaq", "https://x.com/0", T0);

        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        seen.cleanUp();

        assertThat(seen.estimatedSize()).isZero();
        assertThat(seen.isKnown("ittefaq", "https://x.com/0")).isTrue();
        assertThat(seen.estimatedSize()).isEqualTo(1);
    }

    @Test
    void an_unknown_pair_is_not_cached_as_unknown() {
        SeenCache seen = cache(100, Duration.ofMinutes(30));
        assertThat(seen.isKnown("ittefaq", "https://x.com/0")).isFalse();

        storeUrls(1);

        assertThat(seen.isKnown("ittefaq", "https://x.com/0")).isTrue();
    }

    @Test
    void links_are_due_for_a_last_seen_refresh_unless_remembered_at_or_after_the_cutoff() {
        storeUrls(4);
        SeenCache seen = cache(100, Duration.ofMinutes(30));
        seen.remember("ittefaq", "https://x.com/0", T0);
        seen.remember("ittefaq", "https://x.com/1", T0.minusSeconds(1));
        seen.isKnown("ittefaq", "https://x.com/2"); // found in the database: its time there is not known here
        List<String> urls = List.of("https://x.com/0", "https://x.com/1", "https://x.com/2", "https://x.com/3");

        assertThat(seen.seenBefore("ittefaq", urls, T0))
                .containsExactly("https://x.com/1", "https://x.com/2", "https://x.com/3");
    }

    @Test
    void a_remembered_last_seen_time_never_moves_back() {
        storeUrls(1);
        SeenCache seen = cache(100, Duration.ofMinutes(30));
        seen.remember("ittefaq", "https://x.com/0", T0);

        seen.remember("ittefaq", "https://x.com/0", T0.minusSeconds(60));

        assertThat(seen.seenBefore("ittefaq", List.of("https://x.com/0"), T0)).isEmpty();
    }

    @Test
    void a_negative_size_is_refused_with_the_setting_named() {
        assertThatThrownBy(() -> cache(-1, Duration.ofMinutes(1))).hasMessageContaining("seenCacheSize");
    }
}
