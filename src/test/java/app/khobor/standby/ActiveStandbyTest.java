package app.khobor.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ActiveStandbyTest {
    /** A lease whose answers the test sets; renewals can be made to take time on the fake clock. */
    private static final class ScriptedLease implements Lease {
        boolean free = true;
        boolean renewals = true;
        long renewTakesNanos;
        long epoch;
        final List<String> calls = new ArrayList<>();
        final AtomicLong clock;

        ScriptedLease(AtomicLong clock) {
            this.clock = clock;
        }

        @Override
        public OptionalLong acquire() {
            calls.add("acquire");
            if (!free) {
                return OptionalLong.empty();
            }
            free = false;
            return OptionalLong.of(++epoch);
        }

        @Override
        public boolean renew(long e) {
            calls.add("renew " + e);
            clock.addAndGet(renewTakesNanos);
            return renewals && e == epoch;
        }

        @Override
        public void release(long e) {
            calls.add("release " + e);
            free = true;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private final AtomicLong clock = new AtomicLong();
    private final ScriptedLease lease = new ScriptedLease(clock);
    private final List<String> roles = new ArrayList<>();
    private final ActiveStandby node = new ActiveStandby(lease, Duration.ofSeconds(10), Duration.ofSeconds(2),
            new ActiveStandby.Role() {
                @Override
                public void becameActive(long epoch) {
                    roles.add("active " + epoch);
                }

                @Override
                public void becameStandby() {
                    roles.add("standby");
                }
            }, clock::get);

    @Test
    void a_free_lease_makes_the_process_active_and_a_refused_renewal_makes_it_stand_by_at_once() {
        node.beatOnce();
        assertThat(node.isActive()).isTrue();
        assertThat(node.epoch()).isEqualTo(1);

        lease.renewals = false;
        node.beatOnce();

        assertThat(node.isActive()).isFalse();
        assertThat(roles).containsExactly("active 1", "standby");
    }

    @Test
    void a_held_lease_keeps_the_process_standing_by() {
        lease.free = false;
        node.beatOnce();
        node.beatOnce();
        assertThat(node.isActive()).isFalse();
        assertThat(roles).isEmpty();
    }

    @Test
    void without_a_recent_renewal_the_process_is_no_longer_active_even_before_it_hears_back() {
        node.beatOnce();
        clock.addAndGet(Duration.ofSeconds(7).toNanos());
        assertThat(node.isActive()).as("7 s into a 10 s term with 2 s beats: a standby could be close").isFalse();
    }

    @Test
    void a_renewal_that_comes_back_too_late_counts_as_lost() {
        node.beatOnce();
        lease.renewTakesNanos = Duration.ofSeconds(8).toNanos();
        node.beatOnce();
        assertThat(node.isActive()).isFalse();
        assertThat(roles).containsExactly("active 1", "standby");
    }

    @Test
    void closing_an_active_process_releases_the_lease_for_the_standby() {
        node.beatOnce();
        node.close();
        assertThat(lease.calls).endsWith("release 1", "close");
        assertThat(roles).containsExactly("active 1", "standby");
    }

    @Test
    void a_term_shorter_than_three_beats_is_refused() {
        assertThatThrownBy(() -> new ActiveStandby(lease, Duration.ofSeconds(5), Duration.ofSeconds(2), null))
                .hasMessageContaining("three beats");
    }
}
