package app.khobor.news;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.fakes.FakeClock;
import app.khobor.text.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshingVocabularyTest {
    @Test
    void built_on_first_use_kept_for_the_interval_then_rebuilt_and_retried_while_empty() {
        FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
        AtomicInteger builds = new AtomicInteger();
        List<List<String>> titles = List.of(List.of(), List.of("dhaka"), List.of("dhaka", "khulna"));
        RefreshingVocabulary vocabulary = new RefreshingVocabulary(
                () -> Vocabulary.fromTitles(titles.get(Math.min(builds.getAndIncrement(), 2))), Duration.ofMinutes(5), clock);
        assertThat(builds).hasValue(0);

        assertThat(vocabulary.get().size()).isZero();
        assertThat(vocabulary.get().size()).isEqualTo(1); // empty: tried again at once
        clock.advance(Duration.ofMinutes(4));
        assertThat(vocabulary.get().size()).isEqualTo(1);
        assertThat(builds).hasValue(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(vocabulary.get().size()).isEqualTo(2);
        assertThat(builds).hasValue(3);
    }
}
