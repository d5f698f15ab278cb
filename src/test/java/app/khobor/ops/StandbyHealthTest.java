package app.khobor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.StorageException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a standby (active/standby on PostgreSQL) tells its supervisor and Prometheus. */
class StandbyHealthTest {
    @Test
    void a_standby_that_reaches_the_database_is_healthy_and_says_standby() {
        Health.Result result = Health.Result.standby(() -> { });

        assertThat(result.healthy()).isTrue();
        assertThat(result.json()).startsWith("{\"status\":\"ok\",\"role\":\"standby\",");
    }

    @Test
    void a_standby_that_cannot_reach_the_database_is_unhealthy_it_could_not_take_over() {
        Health.Result result = Health.Result.standby(() -> {
            throw new StorageException("database read failed", new SQLException("refused"),
                    StorageException.Kind.UNREACHABLE);
        });

        assertThat(result.healthy()).isFalse();
        assertThat(result.reasons()).singleElement().asString().startsWith("database: ");
    }

    @Test
    void khobor_active_follows_the_role() {
        AtomicBoolean active = new AtomicBoolean(false);
        try (OpsMetrics metrics = new OpsMetrics()) {
            metrics.bindRole(active::get);
            assertThat(metrics.scrape()).contains("khobor_active 0.0");
            active.set(true);
            assertThat(metrics.scrape()).contains("khobor_active 1.0");
        }
    }
}
