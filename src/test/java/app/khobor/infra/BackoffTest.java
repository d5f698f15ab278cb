package app.khobor.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void delays_start_at_the_interval_double_per_failure_and_stop_at_the_cap() {
        Backoff backoff = new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(0.5)); // 0.5 = no jitter

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(backoff.delayAfter(4)).isEqualTo(HALF_HOUR);
        assertThat(backoff.delayAfter(50)).isEqualTo(HALF_HOUR);
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(HALF_HOUR);
    }

    @Test
    void failure_delays_vary_by_up_to_twenty_percent() {
        assertThat(new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(0.0)).delayAfter(2)).isEqualTo(Duration.ofMinutes(8));
        assertThat(new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(0.75)).delayAfter(2)).isEqualTo(Duration.ofMinutes(11));
    }

    @Test
    void jitter_never_pushes_a_delay_past_the_cap() {
        Backoff high = new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(1.0));
        Backoff random = new Backoff(FIVE_MINUTES, HALF_HOUR, new Random(42));

        assertThat(high.delayAfter(10)).isEqualTo(Duration.ofMinutes(24));
        for (int failures = 0; failures < 100; failures++) {
            assertThat(random.delayAfter(failures)).isBetween(Duration.ofMinutes(4), HALF_HOUR);
        }
    }

    @Test
    void no_failures_means_the_plain_interval() {
        assertThat(new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(0.5)).delayAfter(0)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void the_regular_interval_varies_by_up_to_ten_percent() {
        assertThat(new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(0.0)).nextInterval(Duration.ofMinutes(10)))
                .isEqualTo(Duration.ofMinutes(9));
        assertThat(new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(0.5)).nextInterval(Duration.ofMinutes(10)))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(new Backoff(FIVE_MINUTES, HALF_HOUR, fixed(1.0)).nextInterval(Duration.ofMinutes(10)))
                .isEqualTo(Duration.ofMinutes(11));
    }

    @Test
    void a_zero_or_negative_duration_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, HALF_HOUR, fixed(0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("backoff base must be positive, got PT0S");
        assertThatThrownBy(() -> new Backoff(FIVE_MINUTES, Duration.ofMinutes(-1), fixed(0.5)))
                .hasMessageContaining("maximum backoff must be positive");
    }

    /** A "random" source whose nextDouble() is always {@code value} (1.0 stands for the top of the range). */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
