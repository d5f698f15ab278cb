package app.khobor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The goal of issue 13, pinned on one seed of the simulated busy day (bench/run pace prints more). */
class SimulatedDayTest {
    @Test
    void pacing_by_history_detects_a_busy_portal_within_30_s_median_with_fewer_requests_than_every_2_minutes() {
        SimulatedDay day = new SimulatedDay();
        assertThat(day.perHour()).isGreaterThanOrEqualTo(10);

        SimulatedDay.Result fixed = day.run(PaceBench.FIXED, 1);
        SimulatedDay.Result adaptive = day.run(PaceBench.ADAPTIVE, 1);

        assertThat(fixed.headlines()).isEqualTo(day.headlines());
        assertThat(adaptive.headlines()).isEqualTo(day.headlines());
        assertThat(adaptive.medianSeconds()).isLessThanOrEqualTo(30);
        assertThat(adaptive.requests()).isLessThan(fixed.requests());
    }
}
