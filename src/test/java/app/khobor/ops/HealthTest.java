package app.khobor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.khobor.db.StorageException;
import app.khobor.fakes.FakeClock;
import app.khobor.source.ReadOutcome;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** /healthz's judgement, one condition at a time, on a fake monotonic clock. */
class HealthTest {
    private static final Duration INTERVAL = Duration.ofMinutes(2);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SourceActivity activity =
            new SourceActivity(new FakeClock(Instant.parse("2026-08-13T05:00:00Z")), nanos::get);
    private boolean polling = true;
    private Runnable ping = () -> { };
    private Optional<Duration> telegram = Optional.of(Duration.ofSeconds(20));

    private Health.Result check() {
        return new Health(activity, () -> polling, INTERVAL, () -> ping.run(), null, () -> telegram).check();
    }

    private void pass(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void healthy_when_the_poller_read_lately_the_database_answers_and_telegram_answered() {
        activity.read("a", new ReadOutcome.Unchanged(), Duration.ofMillis(5));
        pass(Duration.ofMinutes(3));

        Health.Result result = check();

        assertThat(result.healthy()).isTrue();
        assertThat(result.json()).isEqualTo("{\"status\":\"ok\",\"secondsSinceLastRead\":180,"
                + "\"secondsSinceTelegramAnswered\":20,\"reasons\":[]}\n");
    }

    @Test
    void a_poller_that_read_nothing_for_two_intervals_is_unhealthy() {
        activity.read("a", new ReadOutcome.Unchanged(), Duration.ofMillis(5));
        pass(Duration.ofMinutes(4).plusSeconds(1));

        assertThat(check().reasons()).singleElement().asString().startsWith("the poller finished no read for 241 s");
    }

    @Test
    void stopped_polling_telegram_silent_and_a_damaged_database_each_give_a_reason() {
        polling = false;
        telegram = Optional.of(Duration.ofMinutes(5).plusSeconds(1));
        ping = () -> {
            throw new StorageException("reading", new SQLException("[SQLITE_CORRUPT] malformed"),
                    StorageException.Kind.CORRUPT);
        };

        Health.Result result = check();

        assertThat(result.healthy()).isFalse();
        assertThat(result.reasons()).containsExactly("polling stopped (the database is damaged: see the log)",
                "database: database file is damaged", "Telegram last answered 301 s ago");
        assertThat(result.json()).startsWith("{\"status\":\"unhealthy\"");
    }

    @Test
    void a_full_disk_and_a_telegram_that_never_answered_are_reasons_too() {
        activity.read("a", new ReadOutcome.Unchanged(), Duration.ofMillis(5));
        telegram = Optional.empty();
        ping = () -> {
            throw new StorageException("writing", new SQLException("[SQLITE_FULL] disk full"),
                    StorageException.Kind.DISK_FULL);
        };

        assertThat(check().reasons()).containsExactly("database: disk full", "Telegram has not answered since start");
    }
}
