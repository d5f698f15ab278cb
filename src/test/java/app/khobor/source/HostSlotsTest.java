package app.khobor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HostSlotsTest {
    private static final Instant NOW = Instant.parse("2026-08-13T03:00:00Z");
    private final HostSlots slots = new HostSlots(Duration.ofSeconds(30));

    @Test
    void two_sources_of_one_host_wanting_the_same_moment_are_read_30_seconds_apart() {
        assertThat(slots.reserve("www.prothomalo.com", NOW, NOW)).isEqualTo(NOW);
        assertThat(slots.reserve("www.prothomalo.com", NOW, NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(slots.reserve("www.prothomalo.com", NOW.plusSeconds(10), NOW)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void other_hosts_are_not_held_back() {
        slots.reserve("www.prothomalo.com", NOW, NOW);
        assertThat(slots.reserve("www.jagonews24.com", NOW, NOW)).isEqualTo(NOW);
    }

    @Test
    void a_free_gap_before_a_booked_read_is_used() {
        slots.reserve("samakal.com", NOW.plusSeconds(120), NOW);
        assertThat(slots.reserve("samakal.com", NOW, NOW)).isEqualTo(NOW);
        assertThat(slots.reserve("samakal.com", NOW.plusSeconds(100), NOW)).isEqualTo(NOW.plusSeconds(150));
    }

    @Test
    void no_host_gets_more_than_two_reads_in_any_minute_however_many_sources_ask() {
        Random random = new Random(13);
        List<Instant> booked = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            booked.add(slots.reserve("www.bd-pratidin.com", NOW.plusMillis(random.nextInt(600_000)), NOW));
        }
        booked.sort(null);
        for (int i = 2; i < booked.size(); i++) {
            assertThat(Duration.between(booked.get(i - 2), booked.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void without_spacing_every_read_gets_the_time_it_asked_for() {
        HostSlots unlimited = new HostSlots(Duration.ZERO);
        assertThat(unlimited.reserve("a", NOW, NOW)).isEqualTo(NOW);
        assertThat(unlimited.reserve("a", NOW, NOW)).isEqualTo(NOW);
    }
}
