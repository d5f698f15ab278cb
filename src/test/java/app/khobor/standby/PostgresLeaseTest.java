package app.khobor.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresLeaseTest {
    private final String name = "test-" + UUID.randomUUID();
    private final List<PostgresLease> leases = new ArrayList<>();

    private PostgresLease lease(String holder, Duration term) {
        PostgresLease l = new PostgresLease(TestPostgres.url(), TestPostgres.noCredentials(), name, holder, term);
        leases.add(l);
        return l;
    }

    @AfterEach
    void close() throws Exception {
        leases.forEach(PostgresLease::close);
        if (System.getenv(TestPostgres.ENV) != null) {
            try (var c = DriverManager.getConnection(TestPostgres.url());
                    var st = c.prepareStatement("DELETE FROM khobor_lease WHERE name = ?")) {
                c.createStatement().execute(PostgresLease.TABLE);
                st.setString(1, name);
                st.executeUpdate();
            }
        }
    }

    @Test
    void only_one_of_two_processes_holds_the_lease() {
        PostgresLease a = lease("a", Duration.ofMinutes(1));
        PostgresLease b = lease("b", Duration.ofMinutes(1));

        OptionalLong first = a.acquire();
        assertThat(first).isPresent();
        assertThat(b.acquire()).isEmpty();
        assertThat(a.renew(first.getAsLong())).isTrue();
        assertThat(b.renew(first.getAsLong())).as("b cannot renew a's lease by guessing its epoch").isFalse();
    }

    @Test
    void a_lapsed_lease_goes_to_the_next_process_with_a_higher_epoch_and_the_old_holder_is_fenced_off() {
        PostgresLease a = lease("a", Duration.ofMillis(300));
        PostgresLease b = lease("b", Duration.ofMinutes(1));
        long old = a.acquire().orElseThrow();

        // a stops renewing (killed); once its term has passed on the server's clock, b gets it.
        OptionalLong taken = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(b::acquire, OptionalLong::isPresent);

        assertThat(taken.getAsLong()).isGreaterThan(old);
        assertThat(a.renew(old)).as("the old holder learns it lost the lease").isFalse();
        assertThat(a.acquire()).isEmpty();
    }

    @Test
    void a_released_lease_is_taken_at_once() {
        PostgresLease a = lease("a", Duration.ofMinutes(10));
        PostgresLease b = lease("b", Duration.ofMinutes(10));
        long epoch = a.acquire().orElseThrow();

        a.release(epoch);

        assertThat(b.acquire()).hasValue(epoch + 1);
    }

    @Test
    void of_many_processes_racing_for_a_free_lease_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OptionalLong>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                PostgresLease l = lease("p" + i, Duration.ofMinutes(1));
                racers.add(l::acquire);
            }
            long winners = 0;
            for (Future<OptionalLong> f : pool.invokeAll(racers)) {
                winners += f.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_unreachable_database_means_the_lease_is_not_held() {
        PostgresLease nowhere = new PostgresLease("jdbc:postgresql://127.0.0.1:1/none", TestPostgres.noCredentials(),
                name, "a", Duration.ofSeconds(3));
        leases.add(nowhere);

        assertThat(nowhere.acquire()).isEmpty();
        assertThat(nowhere.renew(1)).isFalse();
    }
}
