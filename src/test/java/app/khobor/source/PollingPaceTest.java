package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingPaceTest {
    private static final Instant NOW = Instant.parse("2026-08-13T03:00:00Z"); // 09:00 in Dhaka
    private static final Duration FALLBACK = Duration.ofMinutes(2);
    private final PollingPace pace = new PollingPace(FALLBACK, Duration.ofSeconds(30), Duration.ofMinutes(10));

    /** {@code count} headlines spread evenly over the {@code length} before {@code end}. */
    private static List<Instant> spread(int count, Instant end, Duration length) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(end.minus(length.multipliedBy(i + 1).dividedBy(count + 1)));
        }
        return times;
    }

    @Test
    void a_source_without_history_keeps_the_configured_interval() {
        assertThat(pace.interval(List.of(), NOW)).isEqualTo(FALLBACK);
    }

    @Test
    void a_source_publishing_27_or_more_an_hour_is_read_every_min_interval() {
        assertThat(pace.interval(spread(27, NOW, Duration.ofHours(1)), NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(pace.interval(spread(60, NOW, Duration.ofHours(1)), NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void the_interval_grows_with_the_square_of_how_much_quieter_the_source_is() {
        // 9 an hour: a third of the busy rate, nine times the minimum
        assertThat(pace.interval(spread(9, NOW, Duration.ofHours(1)), NOW)).isEqualTo(Duration.ofSeconds(270));
        // 5 an hour: 29 times, 14.6 minutes: beyond the maximum
        assertThat(pace.interval(spread(5, NOW, Duration.ofHours(1)), NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_source_silent_at_this_time_of_day_is_read_every_max_interval() {
        List<Instant> yesterdayAfternoon = spread(40, NOW.minus(Duration.ofHours(14)), Duration.ofHours(2));
        assertThat(pace.interval(yesterdayAfternoon, NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_busy_hour_on_the_earlier_days_speeds_the_source_up_before_it_starts_today() {
        List<Instant> history = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            // every day 09:10-10:10 Dhaka time: 30 headlines
            Instant busyEnd = NOW.plus(Duration.ofMinutes(70)).minus(Duration.ofDays(day));
            history.addAll(spread(30, busyEnd, Duration.ofHours(1)));
        }
        Instant night = NOW.minus(Duration.ofHours(6));
        Instant justBefore = NOW.minus(Duration.ofMinutes(5));

        assertThat(pace.interval(history, night)).isEqualTo(Duration.ofMinutes(10));
        // 08:55: the slice 08:40-09:25 of each earlier day holds about 7 of the 30, ~10 an hour
        assertThat(pace.interval(history, justBefore)).isLessThan(Duration.ofMinutes(10));
        // 09:40, in the middle of the usual busy hour, with nothing published yet today
        assertThat(pace.interval(history, NOW.plus(Duration.ofMinutes(40)))).isLessThanOrEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void the_last_hour_counts_even_when_the_earlier_days_were_quiet() {
        List<Instant> history = new ArrayList<>(List.of(NOW.minus(Duration.ofDays(6))));
        history.addAll(spread(30, NOW, Duration.ofHours(1)));
        assertThat(pace.interval(history, NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bounds_the_wrong_way_round_are_refused() {
        assertThatThrownBy(() -> new PollingPace(FALLBACK, Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
